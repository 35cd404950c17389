namespace PaperChunks.Conversion;

/// <summary>A pipeline's progress so far, reported through <see cref="IProgress{T}"/> on the pipeline's own thread.</summary>
/// <param name="BytesRead">Input bytes read in this phase, as stored on disk (compressed bytes for a compressed input).</param>
/// <param name="BytesTotal">The inputs' total size on disk.</param>
/// <param name="Rows">Rows read in this phase (in <see cref="ConvertPhase.Converting"/>: rows written).</param>
public sealed record ConvertProgress(long BytesRead, long BytesTotal, long Rows)
{
    /// <summary>The pass this is about; a normalizing run reads its inputs twice.</summary>
    public ConvertPhase Phase { get; init; } = ConvertPhase.Converting;
}
