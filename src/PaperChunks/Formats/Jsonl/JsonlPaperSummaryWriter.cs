using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Writes <see cref="PaperSummaryRecord"/> rows as JSON Lines: every field present, in the order of
/// <see cref="PaperSummaryColumns.All"/>, <c>first_published</c> as <c>YYYY-MM-DD</c>.
/// </summary>
internal sealed class JsonlPaperSummaryWriter : JsonlWriter<PaperSummaryRecord>
{
    /// <summary>Writes to a file through a temporary file moved into place on completion.</summary>
    /// <param name="path">The target file (<c>.gz</c> / <c>.zst</c> compress).</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlPaperSummaryWriter(string path, WriterOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Writes to a stream, which stays open.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlPaperSummaryWriter(Stream stream, WriterOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override void WriteObject(Utf8JsonWriter writer, PaperSummaryRecord record) => PaperSummaryJson.Write(writer, record);
}
