using System.Globalization;

namespace PaperChunks.Records;

/// <summary>The dumps' <c>YYYYMMDD</c> date strings (<c>published</c>, <c>updated</c>).</summary>
public static class ArxivDate
{
    /// <summary>Parses <c>20170315</c> to 2017-03-15; <see langword="null"/> for null or anything else.</summary>
    /// <param name="value">The raw string as stored.</param>
    public static DateOnly? Parse(string? value) =>
        value is { Length: 8 }
        && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>Formats a date the way the dumps store it, e.g. <c>20170315</c>.</summary>
    /// <param name="date">The date.</param>
    public static string Format(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
