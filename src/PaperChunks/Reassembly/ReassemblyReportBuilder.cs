namespace PaperChunks.Reassembly;

/// <summary>Collects report entries as papers complete; <see cref="ToReport"/> takes a snapshot.</summary>
internal sealed class ReassemblyReportBuilder
{
    public long Papers { get; set; }

    public long Chunks { get; set; }

    public List<ChunkGap> Gaps { get; } = [];

    public List<ChunkRepeat> Duplicates { get; } = [];

    public List<MetadataDisagreement> Disagreements { get; } = [];

    public List<PaperRegime> Regimes { get; } = [];

    public List<ChunkLinkDisagreement> LinkDisagreements { get; } = [];

    /// <summary>The regime of the input's last paper with enough telling joints, for papers too short to show their own.</summary>
    public SplitterRegime? InputRegime { get; set; }

    /// <summary>Unambiguous joints of the input's recursive papers so far where the next piece would not have fitted (<see cref="PaperShape.ClosedAtLength"/>).</summary>
    public int ClosedAtLength { get; set; }

    /// <summary>Unambiguous joints of the input's recursive papers so far where it would have (<see cref="PaperShape.FittedAnyway"/>).</summary>
    public int FittedAnyway { get; set; }

    public ReassemblyReport ToReport() => new()
    {
        Papers = Papers,
        Chunks = Chunks,
        Gaps = Gaps.ToArray(),
        Duplicates = Duplicates.ToArray(),
        Disagreements = Disagreements.ToArray(),
        Regimes = Regimes.ToArray(),
        LinkDisagreements = LinkDisagreements.ToArray(),
    };
}
