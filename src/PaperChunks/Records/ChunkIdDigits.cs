using System.Buffers.Text;

namespace PaperChunks.Records;

/// <summary>
/// <c>chunk-id</c> stored as a string of digits (<c>"0"</c>). Only the canonical spelling is taken (no sign, no
/// leading zero), so the number written back as a string is the text that was read.
/// </summary>
internal static class ChunkIdDigits
{
    public static bool TryParse(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        return IsCanonical(digits) && Utf8Parser.TryParse(digits, out value, out var used) && used == digits.Length;
    }

    public static bool TryParse(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        return IsCanonical(digits) && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    // Digits only, at most 18 (always fits a long), no leading zero but "0" itself.
    private static bool IsCanonical(ReadOnlySpan<byte> digits) =>
        digits.Length is > 0 and <= 18 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9') && (digits[0] != '0' || digits.Length == 1);

    private static bool IsCanonical(ReadOnlySpan<char> digits) =>
        digits.Length is > 0 and <= 18 && !digits.ContainsAnyExceptInRange('0', '9') && (digits[0] != '0' || digits.Length == 1);
}
