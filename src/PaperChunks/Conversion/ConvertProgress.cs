namespace PaperChunks.Conversion;

/// <summary>A conversion's progress so far.</summary>
/// <param name="BytesRead">Input bytes read, as stored on disk (compressed bytes for a compressed input).</param>
/// <param name="BytesTotal">The inputs' total size on disk.</param>
/// <param name="Rows">Rows written so far.</param>
public sealed record ConvertProgress(long BytesRead, long BytesTotal, long Rows);
