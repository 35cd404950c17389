namespace PaperChunks.Text;

/// <summary>A sequence that looks damaged but whose original the context does not decide; it is left as it is.</summary>
/// <param name="Kind">The repair that looked at it.</param>
/// <param name="Offset">Where the sequence starts, as a UTF-16 index into the text passed to <see cref="TextNormalizer.Normalize(string)"/>.</param>
/// <param name="Text">The sequence with a little context, exactly as it stands in the text.</param>
/// <param name="Reason">Why it was left alone, e.g. <c>ï¬ could be fl or fi: both "flat" and "fiat" are words</c>.</param>
public sealed record UndecidedSequence(RepairKind Kind, int Offset, string Text, string Reason);
