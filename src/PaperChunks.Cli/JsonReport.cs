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

    public static Task WriteAsync<T>(TextWriter output, T report) =>
        output.WriteLineAsync(JsonSerializer.Serialize(report, Options));

    /// <summary>A format error as it appears in every report.</summary>
    public static object Error(PaperChunksFormatException e) =>
        new { file = e.SourceName, line = e.Line, column = e.Column, field = e.Field, message = e.Reason };
}
