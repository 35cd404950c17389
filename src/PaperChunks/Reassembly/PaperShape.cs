namespace PaperChunks.Reassembly;

/// <summary>What the joint decisions of one paper go by: its regime and the facts learned with it.</summary>
/// <param name="Regime">The splitter regime.</param>
/// <param name="KeepsWhitespace">The chunks keep whitespace at their ends or are cut mid-word: nothing was lost at a joint.</param>
/// <param name="Paragraph">The break a recursive splitter most likely dropped: a blank line if the paper has any, else a newline.</param>
/// <param name="CharRate">The paper's per-character repeat rate (<see cref="Coincidence.CharRate"/>).</param>
/// <param name="Evidence">Joints whose repeat was too long to be chance: how much the regime rests on.</param>
/// <param name="ClosedAtLength">Unambiguous joints of a recursive paper where the piece after the overlap would not have fitted in the earlier chunk.</param>
/// <param name="FittedAnyway">Unambiguous joints of a recursive paper where it would have (<see cref="Cuts.PieceAfterWouldHaveFit"/>).</param>
/// <param name="ClosesAtLength">
/// The splitter closes a chunk when the next piece would not fit in characters: shown by the paper's and the
/// input's unambiguous joints together (at least three, nine in ten or more of them closed at length).
/// </param>
internal sealed record PaperShape(
    SplitterRegime Regime, bool KeepsWhitespace, string Paragraph, double CharRate, int Evidence,
    int ClosedAtLength = 0, int FittedAnyway = 0, bool ClosesAtLength = false);
