namespace PaperChunks.Formats;

/// <summary>What <see cref="PaperChunksReader.Detect"/> found an input to be.</summary>
/// <param name="Format">The on-disk format.</param>
/// <param name="Kind">The record type its rows make.</param>
/// <param name="Compression">Whole-file compression around it (<c>.gz</c>, <c>.zst</c>), if any.</param>
public sealed record DetectedFormat(InputFormat Format, RecordKind Kind, StreamCompression Compression)
{
    /// <summary>The format's name as the tool prints and <c>--from</c> accepts it, with the compression: <c>jsonl.zst</c>, <c>viewer-table</c>.</summary>
    public string Name => PaperChunksReader.NameOf(Format) + Compression switch
    {
        StreamCompression.Gzip => ".gz",
        StreamCompression.Zstd => ".zst",
        _ => "",
    };

    /// <summary>The record kind's name as the tool prints it: <c>chunk</c>, <c>summarization</c>, <c>paper-summary</c>, <c>generic</c>.</summary>
    public string KindName => Kind switch
    {
        RecordKind.Chunk => "chunk",
        RecordKind.Summarization => "summarization",
        RecordKind.PaperSummary => "paper-summary",
        _ => "generic",
    };
}
