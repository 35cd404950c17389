using System.Globalization;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Reads paper summaries (ShortScience entries) from CSV with a header of <see cref="PaperSummaryColumns"/> (any
/// order; <c>title</c>, <c>authors_text</c> and <c>summary</c> required), as <see cref="CsvPaperSummaryWriter"/>
/// writes them. As in JSON Lines, a column the record does not model is an error: the record kind has no extra fields.
/// </summary>
internal sealed class CsvPaperSummaryReader : CsvRecordReader<PaperSummaryRecord>
{
    /// <summary>How <c>first_published</c> is written, as in JSON Lines.</summary>
    internal const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] Required = [PaperSummaryColumns.Title, PaperSummaryColumns.AuthorsText, PaperSummaryColumns.Summary];

    /// <summary>Opens a <c>.csv</c>, <c>.csv.gz</c> or <c>.csv.zst</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    public CsvPaperSummaryReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads CSV from a stream (gzip or zstd detected when it can seek); disposed with the reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public CsvPaperSummaryReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override IReadOnlyList<string> KnownColumns => PaperSummaryColumns.All;

    private protected override IReadOnlyList<string> RequiredColumns => Required;

    private protected override string? UnknownColumnReason =>
        "expected only the paper-summary columns (" + string.Join(", ", PaperSummaryColumns.All) + ")";

    private protected override PaperSummaryRecord? Parse()
    {
        if (CsvCells.ParseStrings(Span(PaperSummaryColumns.Authors), out var reason) is not { } authors)
        {
            return BadCell(PaperSummaryColumns.Authors, reason!);
        }

        if (CsvCells.ParseStrings(Span(PaperSummaryColumns.Keywords), out reason) is not { } keywords)
        {
            return BadCell(PaperSummaryColumns.Keywords, reason!);
        }

        int? year = null;
        if (Text(PaperSummaryColumns.Year) is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 9999)
            {
                return BadCell(PaperSummaryColumns.Year, $"expected a year (digits, up to 9999) or an empty cell, found \"{MessageText.Excerpt(yearText)}\"");
            }

            year = value;
        }

        DateOnly? published = null;
        if (Text(PaperSummaryColumns.FirstPublished) is { } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return BadCell(PaperSummaryColumns.FirstPublished, $"expected a date as YYYY-MM-DD or an empty cell, found \"{MessageText.Excerpt(dateText)}\"");
            }

            published = date;
        }

        return new PaperSummaryRecord
        {
            Title = Text(PaperSummaryColumns.Title) ?? "",
            Authors = authors,
            AuthorsText = Text(PaperSummaryColumns.AuthorsText) ?? "",
            Venue = Text(PaperSummaryColumns.Venue) ?? "",
            Year = year,
            ListedVia = Text(PaperSummaryColumns.ListedVia),
            Keywords = keywords,
            FirstPublished = published,
            Abstract = Text(PaperSummaryColumns.Abstract),
            Summary = Text(PaperSummaryColumns.Summary) ?? "",
        };
    }
}
