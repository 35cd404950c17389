namespace PaperChunks.Records;

/// <summary>
/// Where one chunk lies in its paper's reassembled text: <c>text.Substring(Start, Length)</c> is the
/// chunk's text (the same words; whitespace may differ where the chunk overlapped its predecessor).
/// Spans of overlapping chunks overlap.
/// </summary>
/// <param name="ChunkId">The chunk's <c>chunk-id</c>.</param>
/// <param name="Start">Offset of the chunk's first character in the text, in UTF-16 code units.</param>
/// <param name="Length">Length of the chunk's stretch of the text, in UTF-16 code units.</param>
public sealed record ChunkSpan(long ChunkId, int Start, int Length);
