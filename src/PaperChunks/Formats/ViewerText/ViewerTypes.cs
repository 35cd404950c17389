using System.Globalization;

namespace PaperChunks.Formats.ViewerText;

/// <summary>The type words a dataset viewer prints under a column name, and how many statistic lines follow each.</summary>
internal static class ViewerTypes
{
    public const string StringLengths = "stringlengths";

    private static readonly HashSet<string> WithMinAndMax = new(StringComparer.Ordinal)
    {
        StringLengths, "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "float16", "float32", "float64", "listlengths", "timestamp[s]", "timestamp[ms]", "timestamp[us]", "date32",
    };

    private static readonly HashSet<string> WithoutStatistics = new(StringComparer.Ordinal)
    {
        "list", "sequence", "string", "bool", "dict", "struct", "null",
    };

    /// <summary>Whether <paramref name="word"/> is a type word the viewer prints.</summary>
    public static bool IsKnown(string word) =>
        WithMinAndMax.Contains(word) || WithoutStatistics.Contains(word) || word == "stringclasses";

    /// <summary>Lines of statistics that follow the type line in the one-cell-per-line layout.</summary>
    public static int StatisticLines(string type) =>
        WithMinAndMax.Contains(type) ? 2 : type == "stringclasses" ? 1 : 0;

    public static bool IsInteger(string type) => type.StartsWith("int", StringComparison.Ordinal) || type.StartsWith("uint", StringComparison.Ordinal);

    public static bool IsFloat(string type) => type.StartsWith("float", StringComparison.Ordinal);

    public static bool IsList(string type) => type is "list" or "sequence";

    public static bool IsJson(string type) => type is "list" or "sequence" or "dict" or "struct";

    /// <summary>Reads a printed statistic: <c>936</c>, <c>2.02k</c> (2020), <c>149k</c>, <c>1.2M</c>.</summary>
    public static double? ParseStatistic(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var scale = text[^1] switch { 'k' => 1e3, 'M' => 1e6, 'B' or 'G' => 1e9, _ => 1d };
        var digits = scale == 1d ? text : text[..^1];
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value * scale : null;
    }
}
