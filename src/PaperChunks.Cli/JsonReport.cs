using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PaperChunks.Cli.Reports;

namespace PaperChunks.Cli;

/// <summary>Writes a command's machine-readable report: indented JSON, snake_case names, on stdout.</summary>
internal static class JsonReport
{
    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the report in pieces: a reassembly's per-joint report runs to tens of megabytes.</summary>
    public static async Task WriteAsync<T>(TextWriter output, T report)
    {
        await using (var stream = new TextWriterStream(output))
        {
            await JsonSerializer.SerializeAsync(stream, report, TypeInfo<T>()).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
    }

    /// <summary>Reads back a report this tool wrote (<c>stats --merge</c>).</summary>
    public static T? Read<T>(Stream input) => JsonSerializer.Deserialize(input, TypeInfo<T>());

    // Every report type is in the context; one that is not is a bug caught by the first test that prints it.
    private static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>)(Context.GetTypeInfo(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {nameof(ReportJsonContext)}"));
}
