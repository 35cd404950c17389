using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperChunks.Cli;

/// <summary>Writes a command's machine-readable report: indented JSON, snake_case names, on stdout.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report in pieces: a reassembly's per-joint report runs to tens of megabytes.</summary>
    public static async Task WriteAsync<T>(TextWriter output, T report)
    {
        await using (var stream = new TextWriterStream(output))
        {
            await JsonSerializer.SerializeAsync(stream, report, Options).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
    }

    /// <summary>Reads back a report this tool wrote (<c>stats --merge</c>).</summary>
    public static T? Read<T>(Stream input) => JsonSerializer.Deserialize<T>(input, Options);

    /// <summary>A format error as it appears in every report.</summary>
    public static object Error(PaperChunksFormatException e) =>
        new { file = e.SourceName, line = e.Line, column = e.Column, field = e.Field, message = e.Reason };

    /// <summary>Why a run stopped, for the report printed instead of the command's own: located for input errors.</summary>
    public static object Failure(PaperChunksException e) => e switch
    {
        PaperChunksFormatException f => Error(f),
        PaperChunksOutputException o => new { file = (string?)o.Path, line = 0L, column = 0L, field = (string?)null, message = ErrorText.ReasonOf(o) },
        _ => Failure(e.Message),
    };

    /// <summary>Why a run stopped, when nothing locates it (a usage error, cancellation, a bug).</summary>
    public static object Failure(string message) =>
        new { file = (string?)null, line = 0L, column = 0L, field = (string?)null, message };
}
