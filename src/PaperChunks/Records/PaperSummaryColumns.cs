namespace PaperChunks.Records;

/// <summary>The field names of a <see cref="PaperSummaryRecord"/> in JSON Lines, in canonical order.</summary>
public static class PaperSummaryColumns
{
    /// <summary><c>title</c>.</summary>
    public const string Title = "title";
    /// <summary><c>authors</c>: the list of names.</summary>
    public const string Authors = "authors";
    /// <summary><c>authors_text</c>: the author line as printed.</summary>
    public const string AuthorsText = "authors_text";
    /// <summary><c>venue</c>.</summary>
    public const string Venue = "venue";
    /// <summary><c>year</c> (integer or null).</summary>
    public const string Year = "year";
    /// <summary><c>listed_via</c> (nullable).</summary>
    public const string ListedVia = "listed_via";
    /// <summary><c>keywords</c>: list of strings.</summary>
    public const string Keywords = "keywords";
    /// <summary><c>first_published</c>: <c>YYYY-MM-DD</c> or null.</summary>
    public const string FirstPublished = "first_published";
    /// <summary><c>abstract</c> (nullable).</summary>
    public const string Abstract = "abstract";
    /// <summary><c>summary</c>: Markdown.</summary>
    public const string Summary = "summary";

    /// <summary>All names in canonical order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Title, Authors, AuthorsText, Venue, Year, ListedVia, Keywords, FirstPublished, Abstract, Summary];
}
