namespace PaperChunks.Text;

/// <summary>One repair <see cref="TextNormalizer"/> made.</summary>
/// <param name="Kind">What kind of damage was repaired.</param>
/// <param name="Offset">Where the damaged sequence starts, as a UTF-16 index into the text passed to <see cref="TextNormalizer.Normalize(string)"/>.</param>
/// <param name="Before">The damaged sequence as the repair saw it (after any earlier repair of the same characters).</param>
/// <param name="After">What replaced it; empty when the sequence was removed.</param>
public sealed record TextFix(RepairKind Kind, int Offset, string Before, string After);
