namespace PaperChunks.Reassembly;

/// <summary>
/// What a reassembly met: papers and rows, and every gap, repeated chunk id and metadata
/// disagreement, in the order the papers were completed.
/// </summary>
public sealed record ReassemblyReport
{
    /// <summary>Papers produced.</summary>
    public long Papers { get; init; }

    /// <summary>Chunk rows consumed, repeats included.</summary>
    public long Chunks { get; init; }

    /// <summary>Papers with chunk ids missing between their first and last chunk.</summary>
    public IReadOnlyList<ChunkGap> Gaps { get; init; } = [];

    /// <summary>Chunk ids met more than once, identical or conflicting.</summary>
    public IReadOnlyList<ChunkRepeat> Duplicates { get; init; } = [];

    /// <summary>The repeats whose text disagreed with the kept row (a subset of <see cref="Duplicates"/>).</summary>
    public IReadOnlyList<ChunkRepeat> Conflicts => Duplicates.Where(d => d.IsConflict).ToList();

    /// <summary>Metadata fields whose value differs between chunks of one paper.</summary>
    public IReadOnlyList<MetadataDisagreement> Disagreements { get; init; } = [];

    /// <summary>
    /// Per paper, in output order: the splitter regime its chunks show (<see cref="SplitterRegime.Label"/>)
    /// and each joint's overlap length, kind and certainty (runs of joints decided alike as one entry).
    /// </summary>
    public IReadOnlyList<PaperRegime> Regimes { get; init; } = [];

    /// <summary>Papers per regime kind, most common first: the summary of <see cref="Regimes"/>.</summary>
    public IReadOnlyDictionary<SplitterRegimeKind, int> RegimeCounts =>
        Regimes.GroupBy(r => r.Regime.Kind).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Joints per certainty over all papers.</summary>
    public IReadOnlyDictionary<JointCertainty, int> JointCertainties =>
        Regimes.SelectMany(r => r.Joints).GroupBy(j => j.Certainty).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => (int)g.Sum(j => j.LastChunkId - j.FirstChunkId + 1));

    /// <summary>Whether nothing was missing, repeated or inconsistent.</summary>
    public bool IsClean => Gaps.Count == 0 && Duplicates.Count == 0 && Disagreements.Count == 0 && LinkDisagreements.Count == 0;

    /// <summary>Semantic-chunks rows whose <c>prechunk_id</c>/<c>postchunk_id</c> name another row than their neighbour in id order.</summary>
    public IReadOnlyList<ChunkLinkDisagreement> LinkDisagreements { get; init; } = [];

    /// <summary>One line: <c>5 papers from 100 rows; 1 with gaps, 2 repeated chunk ids (1 conflicting), 0 metadata conflicts</c>.</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Papers:N0} papers from {Chunks:N0} rows; {Gaps.Count:N0} with gaps, {Duplicates.Count:N0} repeated chunk ids ({Conflicts.Count:N0} conflicting), {Disagreements.Count:N0} metadata conflicts");
}
