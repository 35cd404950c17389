using System.Globalization;

namespace PaperChunks.Cli;

/// <summary>The one parser of sizes on the command line (<c>--memory-limit</c>, <c>--row-group-size</c>, <c>--shard-size</c>).</summary>
internal static class SizeText
{
    /// <summary>
    /// Parses <c>256MB</c>, <c>1.5 GB</c>, <c>512K</c>, <c>64M</c> or a plain byte count (<c>500000</c>, <c>500000B</c>);
    /// multiples are powers of 1024, case does not matter. <see langword="null"/> for a missing value.
    /// </summary>
    /// <exception cref="FormatException">The text is not a positive size, or one too large to count in bytes.</exception>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        t = t.EndsWith('B') ? t[..^1] : t;
        var (digits, scale) = t.EndsWith('G') ? (t[..^1], 1L << 30)
            : t.EndsWith('M') ? (t[..^1], 1L << 20)
            : t.EndsWith('K') ? (t[..^1], 1L << 10)
            : (t, 1L);
        return double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value > 0 && value * scale < long.MaxValue
            ? (long)(value * scale)
            : throw new FormatException($"expected a size such as 128MB or 1GB, found \"{text}\"");
    }
}
