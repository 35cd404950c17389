
namespace PaperChunks.Records;

/// <summary>
/// The on-disk names of a reassembled paper's fields beyond the metadata it shares with chunk rows
/// (those keep their <see cref="ChunkColumns"/> names). Every format writing papers uses these.
/// </summary>
public static class PaperColumns
{
    /// <summary><c>text</c>: the reassembled full text.</summary>
    public const string Text = "text";
    /// <summary><c>chunk_count</c>: distinct chunks joined.</summary>
    public const string ChunkCount = "chunk_count";
    /// <summary><c>missing_chunk_ids</c>: ids absent between the first and last chunk.</summary>
    public const string MissingChunkIds = "missing_chunk_ids";
    /// <summary><c>duplicate_chunk_ids</c>: ids met on more than one row.</summary>
    public const string DuplicateChunkIds = "duplicate_chunk_ids";
    /// <summary><c>spans</c>: list of <c>{"chunk-id", "start", "length"}</c>.</summary>
    public const string Spans = "spans";
    /// <summary><c>start</c> of a span in <c>text</c> (UTF-16 code units).</summary>
    public const string SpanStart = "start";
    /// <summary><c>length</c> of a span in <c>text</c> (UTF-16 code units).</summary>
    public const string SpanLength = "length";
}
