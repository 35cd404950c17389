using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Reads SciTLDR-style rows (<see cref="SummarizationRecord"/>) from JSON Lines, in either shape:
/// <c>source</c>/<c>target</c> as lists of sentences, or each as one string.
/// </summary>
internal sealed class JsonlSummarizationReader : JsonlReader<SummarizationRecord>
{
    private readonly SummarizationJson _json;

    /// <summary>Opens a <c>.jsonl</c>, <c>.jsonl.gz</c> or <c>.jsonl.zst</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    public JsonlSummarizationReader(string path, ReaderOptions? options = null)
        : base(path, options) => _json = new SummarizationJson(Options.MaxJsonDepth);

    /// <summary>Reads from a stream (plain, gzip or zstd, detected when the stream can seek).</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public JsonlSummarizationReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options) => _json = new SummarizationJson(Options.MaxJsonDepth);

    private protected override string? ShardKeyField => SummarizationColumns.PaperId;

    private protected override SummarizationRecord ParseLine(ReadOnlySpan<byte> line) => _json.Parse(line);
}
