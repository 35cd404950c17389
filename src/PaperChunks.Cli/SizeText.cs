using System.CommandLine;
using System.Globalization;

namespace PaperChunks.Cli;

/// <summary>The one parser of sizes on the command line (<c>--memory-limit</c>, <c>--row-group-size</c>, <c>--shard-size</c>).</summary>
internal static class SizeText
{
    /// <summary>
    /// A size option whose value is parsed with <see cref="Parse"/> when the command line is, so a bad size is a
    /// usage error naming the option and the value, and the library never sees one below its minimum.
    /// </summary>
    public static Option<long?> Option(string name, string description, long minimum, long? byDefault = null) =>
        CommonOptions.Parsed(
            name,
            description,
            byDefault,
            text => Parse(text) is { } bytes && bytes >= minimum ? bytes : null,
            $"a size of at least {Describe(minimum)}, such as 256MB or 1GB");

    /// <summary>
    /// Parses <c>256MB</c>, <c>1.5 GB</c>, <c>512K</c>, <c>64M</c> or a plain byte count (<c>500000</c>, <c>500000B</c>);
    /// multiples are powers of 1024, case does not matter. <see langword="null"/> for a missing value or one that is
    /// not a positive size small enough to count in bytes.
    /// </summary>
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
            : null;
    }

    private static string Describe(long bytes) =>
        bytes >= 1L << 20 && bytes % (1L << 20) == 0 ? $"{bytes >> 20}MB"
        : bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes >> 10}KB"
        : $"{bytes} bytes";
}
