using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Reads chunk rows (<see cref="ChunkRecord"/>) from a dataset-viewer copy in either layout. The
/// header must name <c>doi</c>, <c>chunk-id</c> and <c>chunk</c>; other chunk columns it lacks are
/// marked in <see cref="ChunkRecord.AbsentFields"/>, columns it adds go to <see cref="ChunkRecord.ExtraFields"/>.
/// <c>authors</c> and <c>categories</c>, which the viewer prints as one string, are split on <c>", "</c>.
/// </summary>
internal sealed class ViewerChunkReader : ViewerReader<ChunkRecord>
{
    private ViewerColumnIndex _index = null!;
    private ChunkFields _absent;
    private ChunkSchema _schema = ChunkSchema.Canonical;
    private bool _idFormKnown;

    /// <summary>Opens a file (plain, <c>.gz</c> or <c>.zst</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened.</exception>
    public ViewerChunkReader(string path, ReaderOptions? options = null, ViewerLayout? layout = null)
        : base(path, options, layout)
    {
    }

    /// <summary>Reads from a stream.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    public ViewerChunkReader(Stream stream, ReaderOptions? options = null, ViewerLayout? layout = null)
        : base(stream, options, layout)
    {
    }

    private protected override void UseColumns(IReadOnlyList<ViewerColumn> columns, long headerLine)
    {
        _index = new ViewerColumnIndex(columns, ChunkColumns.All);
        var missing = _index.Missing(ChunkColumns.Doi, ChunkColumns.ChunkId, ChunkColumns.Chunk);
        if (_index.KnownCount == 0 || missing.Count > 0)
        {
            throw MissingColumns(headerLine, "a chunk-row header with the columns doi, chunk-id and chunk", _index, missing);
        }

        // The header types each column: the seeds' authors/categories are `stringlengths`, one joined string.
        _schema = ChunkSchema.Canonical with
        {
            ChunkId = columns[_index[ChunkColumns.ChunkId]].IsInteger ? ChunkColumnType.Number : ChunkColumnType.DigitString,
            Authors = JoinedUnlessList(ChunkColumns.Authors),
            Categories = JoinedUnlessList(ChunkColumns.Categories),
        };
        foreach (var name in ChunkColumns.All)
        {
            if (_index[name] < 0)
            {
                _absent |= ChunkColumns.FieldOf(name);
            }
        }
    }

    private protected override ChunkRecord Map(ViewerCells cells)
    {
        var index = _index;
        var record = new ChunkRecord
        {
            Doi = cells.String(index[ChunkColumns.Doi]),
            ChunkId = cells.Int64(index[ChunkColumns.ChunkId]),
            Chunk = cells.String(index[ChunkColumns.Chunk]),
            Id = Text(cells, ChunkColumns.Id),
            Title = Text(cells, ChunkColumns.Title),
            Summary = Text(cells, ChunkColumns.Summary),
            Source = Text(cells, ChunkColumns.Source),
            Authors = index[ChunkColumns.Authors] is var authors and >= 0 ? cells.StringList(authors) : [],
            Categories = index[ChunkColumns.Categories] is var categories and >= 0 ? cells.StringList(categories) : [],
            Comment = NullableText(cells, ChunkColumns.Comment),
            JournalRef = NullableText(cells, ChunkColumns.JournalRef),
            PrimaryCategory = Text(cells, ChunkColumns.PrimaryCategory),
            Published = NullableText(cells, ChunkColumns.Published),
            Updated = NullableText(cells, ChunkColumns.Updated),
            References = index[ChunkColumns.References] is var references and >= 0 ? cells.References(references) : [],
            AbsentFields = _absent,
            Schema = _schema,
            ExtraFields = index.ExtraFields(cells),
        };
        if (_idFormKnown || index[ChunkColumns.Id] < 0)
        {
            return record;
        }

        // The first row tells the file's id rule (doi#chunk-id, or the doi alone); the validator holds every row to it.
        _idFormKnown = true;
        if (record.Id == record.Doi)
        {
            _schema = _schema with { IdForm = RowIdForm.Doi };
            record = record with { Schema = _schema };
        }

        return record;
    }

    private ChunkColumnType JoinedUnlessList(string name) =>
        _index[name] < 0 || _index.IsList(_index[name]) ? ChunkColumnType.StringList : ChunkColumnType.CommaSeparatedString;

    private string Text(ViewerCells cells, string name) => _index[name] is var i and >= 0 ? cells.String(i) : "";

    private string? NullableText(ViewerCells cells, string name) => _index[name] is var i and >= 0 ? cells.NullableString(i) : null;
}
