using System.Globalization;
using PaperChunks.Reassembly;
using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>What a finished <see cref="FileReassembler.ReassembleAsync"/> did.</summary>
public sealed record ReassembleReport
{
    /// <summary>The input files, in the order read.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The papers file written.</summary>
    public required string Output { get; init; }

    /// <summary>Papers, rows, gaps, repeated chunk ids and metadata disagreements.</summary>
    public required ReassemblyReport Reassembly { get; init; }

    /// <summary>Sorted runs the external sort spilled to temporary files (0 when the input fit in memory or was grouped).</summary>
    public int RunsSpilled { get; init; }

    /// <summary>Bad rows skipped (under <see cref="ErrorPolicy.SkipAndReport"/>).</summary>
    public long ErrorCount { get; init; }

    /// <summary>The kept errors of skipped rows, in input order.</summary>
    public IReadOnlyList<PaperChunksFormatException> Errors { get; init; } = [];

    /// <summary>What <see cref="ReassembleOptions.Normalize"/> repaired, or <see langword="null"/> when rows were joined as read.</summary>
    public NormalizationReport? Normalization { get; init; }

    /// <summary>Distinct words learned by the vocabulary pass, or <see langword="null"/> when there was none.</summary>
    public int? CorpusWords { get; init; }

    /// <summary>Wall time of the whole run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>One line: <c>papers.jsonl: 5 papers from 100 rows; 1 with gaps, 0 repeated chunk ids (0 conflicting), 0 metadata conflicts; 0 bad rows skipped</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Output}: {Reassembly}; {ErrorCount:N0} bad rows skipped");
}
