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
