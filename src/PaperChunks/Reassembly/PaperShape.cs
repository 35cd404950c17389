namespace PaperChunks.Reassembly;

/// <summary>What the joint decisions of one paper go by: its regime and the facts learned with it.</summary>
/// <param name="Regime">The splitter regime.</param>
/// <param name="KeepsWhitespace">The chunks keep whitespace at their ends or are cut mid-word: nothing was lost at a joint.</param>
/// <param name="Paragraph">The break a recursive splitter most likely dropped: a blank line if the paper has any, else a newline.</param>
/// <param name="CharRate">The paper's per-character repeat rate (<see cref="Coincidence.CharRate"/>).</param>
/// <param name="Evidence">Joints whose repeat was too long to be chance: how much the regime rests on.</param>
internal sealed record PaperShape(SplitterRegime Regime, bool KeepsWhitespace, string Paragraph, double CharRate, int Evidence);
