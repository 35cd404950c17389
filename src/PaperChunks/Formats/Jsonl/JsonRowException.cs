namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// A problem inside one JSON row, located by byte offset in the line; the reader turns it into a
/// <see cref="PaperChunksFormatException"/> with the line number and character column.
/// </summary>
internal sealed class JsonRowException(long byteOffset, string? field, string reason, Exception? inner = null)
    : Exception(reason, inner)
{
    public long ByteOffset { get; } = byteOffset;

    public string? Field { get; } = field;

    public string Reason { get; } = reason;
}
