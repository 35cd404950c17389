using PaperChunks.Reassembly;

namespace PaperChunks.Cli.Reports;

/// <summary>The report of <c>reassemble</c>.</summary>
/// <param name="Files">The inputs, as given.</param>
/// <param name="Output">The output path.</param>
/// <param name="RunsSpilled">How many sorted runs the external sort wrote to disk.</param>
/// <param name="Reassembly">The reassembler's report: papers, gaps, duplicates, joints.</param>
/// <param name="Normalization">The normalizer's report, under <c>--normalize</c>.</param>
/// <param name="ErrorCount">How many bad rows were skipped.</param>
/// <param name="Errors">The bad rows.</param>
internal sealed record ReassembleJson(
    IReadOnlyList<string> Files,
    string Output,
    int RunsSpilled,
    ReassemblyReport Reassembly,
    NormalizationJson? Normalization,
    long ErrorCount,
    IReadOnlyList<ErrorJson> Errors);
