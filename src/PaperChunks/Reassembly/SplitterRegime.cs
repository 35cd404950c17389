using System.Globalization;

namespace PaperChunks.Reassembly;

/// <summary>
/// How a paper's chunks were cut, as far as its joints show: the kind of splitter, the typical chunk
/// and overlap length in characters, and whether it was learned from the paper itself or borrowed from
/// the input's earlier papers (a paper of one or two chunks shows too little).
/// </summary>
/// <param name="Kind">The kind of splitter.</param>
/// <param name="ChunkChars">Chunk length: exact for fixed windows, the longest for recursive splitters, else the median.</param>
/// <param name="OverlapChars">Overlap length: exact for fixed windows, the longest for recursive splitters, else the median; 0 without overlap.</param>
/// <param name="Certain">True when learned from this paper's unambiguous joints; false when borrowed or unknown.</param>
public sealed record SplitterRegime(SplitterRegimeKind Kind, int ChunkChars, int OverlapChars, bool Certain)
{
    /// <summary>A short label, e.g. <c>fixed-window 600/60</c>, <c>recursive ~2000/200</c>, <c>sentence ~700/120</c>, <c>no overlap ~900</c> (characters).</summary>
    public string Label => Kind switch
    {
        SplitterRegimeKind.FixedWindow => Invariant($"fixed-window {ChunkChars}/{OverlapChars}"),
        SplitterRegimeKind.TokenWindow => Invariant($"token-window ~{ChunkChars}/~{OverlapChars} chars"),
        SplitterRegimeKind.Recursive => Invariant($"recursive ~{ChunkChars}/{OverlapChars}"),
        SplitterRegimeKind.Sentence => Invariant($"sentence ~{ChunkChars}/~{OverlapChars} chars"),
        SplitterRegimeKind.NoOverlap => Invariant($"no overlap ~{ChunkChars}"),
        _ => "unknown",
    } + (Certain || Kind == SplitterRegimeKind.Unknown ? "" : " (from the input)");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
