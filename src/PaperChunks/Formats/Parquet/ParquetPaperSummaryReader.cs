using System.Globalization;
using Parquet;
using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Reads paper-summary (ShortScience) rows from Parquet written in their schema (see
/// <see cref="PaperSummaryColumns"/>). <c>title</c>, <c>authors_text</c> and <c>summary</c> must exist;
/// other missing columns read as empty or null.
/// </summary>
internal sealed class ParquetPaperSummaryReader : ParquetRecordReader<PaperSummaryRecord>
{
    private readonly Dictionary<string, TextColumnCursor> _texts = new(StringComparer.Ordinal);
    private readonly List<string?> _items = [];
    private NumberColumnCursor? _year;

    /// <summary>Opens a Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened.</exception>
    public ParquetPaperSummaryReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads from a readable, seekable stream the caller owns (it is left open).</summary>
    /// <param name="input">The Parquet data.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public ParquetPaperSummaryReader(Stream input, ReaderOptions? options = null)
        : base(input, options)
    {
    }

    private protected override void ReleaseColumns()
    {
        foreach (var cursor in _texts.Values)
        {
            cursor.Dispose();
        }

        _year?.Dispose();
    }

    private protected override void Bind(ParquetSchema schema)
    {
        var fields = schema.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var name in PaperSummaryColumns.All)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                if (name is PaperSummaryColumns.Title or PaperSummaryColumns.AuthorsText or PaperSummaryColumns.Summary)
                {
                    throw FormatError(0, 0, name, "expected this column, found none");
                }

                continue;
            }

            if (name == PaperSummaryColumns.Year)
            {
                _year = field is DataField year && NumberColumnCursor.Supports(year)
                    ? new NumberColumnCursor(year, 0)
                    : throw FormatError(0, 0, name, "expected an integer column, found another type");
                continue;
            }

            var isList = name is PaperSummaryColumns.Authors or PaperSummaryColumns.Keywords;
            _texts[name] = (isList, field) switch
            {
                (false, DataField { ClrType: var t } scalar) when t == typeof(ReadOnlyMemory<char>) || t == typeof(string) => new TextColumnCursor(scalar, 0, reuseRepeats: false),
                (true, ListField { Item: DataField { ClrType: var e } item } list) when e == typeof(ReadOnlyMemory<char>) || e == typeof(string) =>
                    new TextColumnCursor(item, list.IsNullable ? 1 : 0, reuseRepeats: false),
                _ => throw FormatError(0, 0, name, $"expected {(isList ? "a list of strings" : "a string column")}, found another type"),
            };
        }
    }

    private protected override async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        foreach (var cursor in _texts.Values)
        {
            await cursor.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        if (_year is not null)
        {
            await _year.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }
    }

    private protected override PaperSummaryRecord? NextRow()
    {
        var title = Text(PaperSummaryColumns.Title);
        var authorsText = Text(PaperSummaryColumns.AuthorsText);
        var summary = Text(PaperSummaryColumns.Summary);
        var authors = List(PaperSummaryColumns.Authors);
        var keywords = List(PaperSummaryColumns.Keywords);
        var venue = Text(PaperSummaryColumns.Venue);
        var year = _year?.NextScalar();
        var listedVia = Text(PaperSummaryColumns.ListedVia);
        var firstPublished = Text(PaperSummaryColumns.FirstPublished);
        var @abstract = Text(PaperSummaryColumns.Abstract);

        DateOnly? published = null;
        string? bad = title is null ? PaperSummaryColumns.Title : authorsText is null ? PaperSummaryColumns.AuthorsText : summary is null ? PaperSummaryColumns.Summary : null;
        var reason = "expected a value, found null";
        if (bad is null && firstPublished is not null)
        {
            if (DateOnly.TryParseExact(firstPublished, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                published = date;
            }
            else
            {
                (bad, reason) = (PaperSummaryColumns.FirstPublished, $"expected a yyyy-MM-dd date, found \"{MessageText.Excerpt(firstPublished)}\"");
            }
        }

        if (bad is not null)
        {
            ReportBadRow(FormatError(0, 0, bad, $"row {Row}: {reason}"));
            return null;
        }

        return new PaperSummaryRecord
        {
            Title = title!,
            AuthorsText = authorsText!,
            Authors = authors,
            Venue = venue ?? "",
            Year = year is { } y ? (int)y : null,
            ListedVia = listedVia,
            Keywords = keywords,
            FirstPublished = published,
            Abstract = @abstract,
            Summary = summary!,
        };
    }

    private string? Text(string name) => _texts.TryGetValue(name, out var cursor) ? cursor.NextScalar() : null;

    private string[] List(string name)
    {
        if (!_texts.TryGetValue(name, out var cursor))
        {
            return [];
        }

        _items.Clear();
        cursor.NextList(_items);
        return _items.Select(i => i ?? "").ToArray();
    }
}
