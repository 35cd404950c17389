using System.Globalization;

namespace PaperChunks.Records;

/// <summary>
/// The dumps' date strings (<c>published</c>, <c>updated</c>): <c>YYYYMMDD</c> as the chunked datasets store
/// them, or ISO 8601 (<c>2019-10-02</c>, <c>2019-10-02T17:56:28Z</c>) as the arXiv API gives them.
/// </summary>
public static class ArxivDate
{
    // Exact ISO forms only: a loose DateTime parse would also take "10/02/2019" in some culture's order.
    private static readonly string[] IsoForms =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>
    /// Parses <c>20170315</c>, <c>2017-03-15</c> or <c>2017-03-15T09:30:00Z</c> to 2017-03-15 (the date as
    /// written, offsets not applied); <see langword="null"/> for null or anything else.
    /// </summary>
    /// <param name="value">The raw string as stored.</param>
    public static DateOnly? Parse(string? value)
    {
        if (value is { Length: 8 })
        {
            return DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        }

        return value is { Length: >= 10 }
            && DateTimeOffset.TryParseExact(value, IsoForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso)
                ? DateOnly.FromDateTime(iso.DateTime)
                : null;
    }

    /// <summary>Formats a date the way the chunked dumps store it, e.g. <c>20170315</c>.</summary>
    /// <param name="date">The date.</param>
    public static string Format(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
