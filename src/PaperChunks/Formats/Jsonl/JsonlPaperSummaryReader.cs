using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>Reads <see cref="PaperSummaryRecord"/> rows from JSON Lines (as <see cref="JsonlPaperSummaryWriter"/> writes them).</summary>
internal sealed class JsonlPaperSummaryReader : JsonlReader<PaperSummaryRecord>
{
    private readonly PaperSummaryJson _json;

    /// <summary>Opens a file (plain, <c>.gz</c> or <c>.zst</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    public JsonlPaperSummaryReader(string path, ReaderOptions? options = null)
        : base(path, options) => _json = new PaperSummaryJson(Options.MaxJsonDepth);

    /// <summary>Reads from a stream.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public JsonlPaperSummaryReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options) => _json = new PaperSummaryJson(Options.MaxJsonDepth);

    private protected override PaperSummaryRecord ParseLine(ReadOnlySpan<byte> line) => _json.Parse(line);
}
