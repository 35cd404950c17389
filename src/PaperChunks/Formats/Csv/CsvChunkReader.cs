using System.Globalization;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Reads chunk rows from CSV (plain, <c>.gz</c> or <c>.zst</c>) with a header naming the columns
/// (<see cref="ChunkColumns"/>, any order): RFC 4180 quoting with line breaks inside quoted cells, list and
/// struct columns as JSON in the cell. In a nullable column an empty cell is null and <c>""</c> an empty
/// string. Malformed quoting and a wrong number of cells are located format errors (line and column).
/// Unknown columns are kept as <see cref="ChunkRecord.ExtraFields"/>, each cell read by <see cref="CsvCells.ExtraJson"/> (a cell
/// that is one JSON value is that value, any other text a string; an empty cell means the row lacks the column), as
/// <see cref="CsvChunkWriter"/> and the SciTLDR writer write them. The file's
/// <see cref="ChunkSchema"/> is learnt from the cells: a quoted <c>chunk-id</c> is a string of digits,
/// <c>authors</c>/<c>categories</c> a JSON list or one <c>", "</c>-joined string, <c>references</c> a list of
/// <c>{id}</c> objects or of bare ids; a file mixing the two of a column is a located error. A header with
/// <c>arxiv_id</c> and no <c>doi</c> is the semantic-chunks layout (<see cref="SemanticChunkColumns"/>, as
/// <see cref="CsvChunkWriter"/> writes it): <c>id</c>, <c>content</c> and <c>arxiv_id</c> required, the links kept as
/// extra fields as the other readers keep them.
/// </summary>
internal sealed class CsvChunkReader : CsvRecordReader<ChunkRecord>
{
    private static readonly string[] Required = [ChunkColumns.Doi, ChunkColumns.ChunkId, ChunkColumns.Chunk];
    private static readonly string[] SemanticRequired = [SemanticChunkColumns.Id, SemanticChunkColumns.Content, SemanticChunkColumns.ArxivId];

    private ChunkSchemaLearner _schema = new();
    private ChunkFields _absent;
    private bool _semantic;

    /// <summary>Opens a <c>.csv</c>, <c>.csv.gz</c> or <c>.csv.zst</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    public CsvChunkReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads CSV from a stream (gzip or zstd detected when it can seek); disposed with the reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public CsvChunkReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override IReadOnlyList<string> KnownColumns => _semantic ? SemanticChunkColumns.All : ChunkColumns.All;

    private protected override IReadOnlyList<string> RequiredColumns => _semantic ? SemanticRequired : Required;

    private protected override void HeaderNamed(IReadOnlyList<string> names)
    {
        _semantic = !names.Contains(ChunkColumns.Doi) && names.Contains(SemanticChunkColumns.ArxivId);
        if (_semantic)
        {
            _schema = new ChunkSchemaLearner(ChunkLayout.SemanticChunks);
        }
    }

    private protected override void HeaderRead()
    {
        if (_semantic)
        {
            // As the Parquet reader has it: the layout's columns stand for these fields, the others are absent.
            _absent = ChunkFields.Summary | ChunkFields.Source | ChunkFields.Authors | ChunkFields.Categories | ChunkFields.Comment
                | ChunkFields.JournalRef | ChunkFields.PrimaryCategory | ChunkFields.Published | ChunkFields.Updated
                | (Has(SemanticChunkColumns.Title) ? 0 : ChunkFields.Title) | (Has(SemanticChunkColumns.References) ? 0 : ChunkFields.References);
            return;
        }

        foreach (var name in ChunkColumns.All)
        {
            if (!Has(name))
            {
                _absent |= ChunkColumns.FieldOf(name);
            }
        }
    }

    private protected override ChunkRecord? Parse()
    {
        if (_semantic)
        {
            return ParseSemantic();
        }

        string? badField = null;
        string? reason = null;
        var chunkId = ChunkId(ref badField, ref reason);
        var authors = List(ChunkColumns.Authors, ChunkFields.Authors, ref badField, ref reason);
        var categories = List(ChunkColumns.Categories, ChunkFields.Categories, ref badField, ref reason);
        PaperReference[]? references = [];
        if (Has(ChunkColumns.References))
        {
            references = CsvCells.ParseReferences(Span(ChunkColumns.References), out var kind, out var error);
            error ??= kind is { } found ? _schema.See(ChunkFields.References, found) : null;
            if (error is not null && badField is null)
            {
                (badField, reason) = (ChunkColumns.References, error);
            }
        }

        if (badField is not null)
        {
            return BadCell(badField, reason!);
        }

        var doi = Text(ChunkColumns.Doi) ?? "";
        var id = Text(ChunkColumns.Id) ?? "";
        if (Has(ChunkColumns.Id))
        {
            _schema.SeeId(id, doi);
        }

        return new ChunkRecord
        {
            Doi = doi,
            ChunkId = chunkId,
            Chunk = Text(ChunkColumns.Chunk) ?? "",
            Id = id,
            Title = Text(ChunkColumns.Title) ?? "",
            Summary = Text(ChunkColumns.Summary) ?? "",
            Source = Text(ChunkColumns.Source) ?? "",
            Authors = authors ?? [],
            Categories = categories ?? [],
            Comment = Text(ChunkColumns.Comment),
            JournalRef = Text(ChunkColumns.JournalRef),
            PrimaryCategory = Text(ChunkColumns.PrimaryCategory) ?? "",
            Published = Text(ChunkColumns.Published),
            Updated = Text(ChunkColumns.Updated),
            References = references ?? [],
            AbsentFields = _absent,
            ExtraFields = Extras(),
            Schema = _schema.Schema,
        };
    }

    // id ({arxiv_id}#{index}), title, content, prechunk_id, postchunk_id, arxiv_id, references (bare ids or {id} objects).
    private ChunkRecord? ParseSemantic()
    {
        var id = Text(SemanticChunkColumns.Id) ?? "";
        if (SemanticChunkColumns.IndexOf(id) is not { } index)
        {
            return BadCell(SemanticChunkColumns.Id, $"expected {{arxiv_id}}#{{index}} (the semantic-chunks layout's id), found \"{MessageText.Excerpt(id)}\"");
        }

        PaperReference[]? references = [];
        if (Has(SemanticChunkColumns.References))
        {
            references = CsvCells.ParseReferences(Span(SemanticChunkColumns.References), out var kind, out var error);
            error ??= kind is { } found ? _schema.See(ChunkFields.References, found) : null;
            if (error is not null)
            {
                return BadCell(SemanticChunkColumns.References, error);
            }
        }

        var links = new List<ExtraField>(2);
        foreach (var link in (string[])[SemanticChunkColumns.PrechunkId, SemanticChunkColumns.PostchunkId])
        {
            if (Has(link))
            {
                links.Add(new ExtraField(link, Text(link) is { } value ? ExtraColumnSet.TextToJson(value) : "null"));
            }
        }

        return new ChunkRecord
        {
            Doi = Text(SemanticChunkColumns.ArxivId) ?? "",
            ChunkId = index,
            Chunk = Text(SemanticChunkColumns.Content) ?? "",
            Id = id,
            Title = Text(SemanticChunkColumns.Title) ?? "",
            References = references ?? [],
            AbsentFields = _absent,
            ExtraFields = [.. links, .. Extras()],
            Schema = _schema.Schema,
        };
    }

    // A quoted string of digits is the digit-string variant (ai-arxiv-chunked's "0"), unless the file quotes every
    // cell: doi never needs quotes, so a quoted doi says the quotes carry no meaning (pandas' QUOTE_ALL).
    private long ChunkId(ref string? badField, ref string? reason)
    {
        var index = IndexOf(ChunkColumns.ChunkId);
        var idText = Csv.GetString(index);
        var digits = idText.Length > 0 && !idText.AsSpan().ContainsAnyExceptInRange('0', '9');
        var found = digits && IsQuoted(index) && !IsQuoted(IndexOf(ChunkColumns.Doi)) ? ChunkColumnType.DigitString : ChunkColumnType.Number;
        long chunkId;
        if ((_schema.Known(ChunkFields.ChunkId) ?? found) == ChunkColumnType.Number)
        {
            if (!long.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chunkId) && found == ChunkColumnType.Number)
            {
                (badField, reason) = (ChunkColumns.ChunkId, $"expected an integer, found \"{MessageText.Excerpt(idText)}\"");
                return 0;
            }
        }
        else if (!ChunkIdDigits.TryParse(idText, out chunkId) && (found == ChunkColumnType.DigitString || !digits))
        {
            (badField, reason) = (ChunkColumns.ChunkId, $"expected a string of digits without leading zeros (so that it is written back the same), found \"{MessageText.Excerpt(idText)}\"");
            return 0;
        }

        if (_schema.See(ChunkFields.ChunkId, found) is { } mixed)
        {
            (badField, reason) = (ChunkColumns.ChunkId, mixed);
        }

        return chunkId;
    }

    private bool IsQuoted(int index) => Csv.GetRawSpan(index) is [(byte)'"', ..];

    // A JSON list ("[\"a\",\"b\"]") or one string joined by ", " (the seeds' viewer type); an unquoted empty cell is
    // an empty list of either kind.
    private IReadOnlyList<string>? List(string name, ChunkFields field, ref string? badField, ref string? reason)
    {
        if (!Has(name))
        {
            return [];
        }

        var index = IndexOf(name);
        var cell = Csv.GetSpan(index);
        if (cell.IsEmpty && !IsQuoted(index))
        {
            return [];
        }

        var found = cell is [(byte)'[', ..] ? ChunkColumnType.StringList : ChunkColumnType.CommaSeparatedString;
        string? error = _schema.See(field, found);
        IReadOnlyList<string>? items = null;
        if (error is null)
        {
            items = found == ChunkColumnType.StringList ? CsvCells.ParseStrings(cell, out error) : JoinedList.Split(Csv.GetString(index));
        }

        if (error is not null && badField is null)
        {
            (badField, reason) = (name, error);
        }

        return items;
    }

    private ExtraField[] Extras()
    {
        if (ExtraColumns.Count == 0)
        {
            return [];
        }

        var extras = new List<ExtraField>(ExtraColumns.Count);
        foreach (var (name, index) in ExtraColumns)
        {
            if (Text(index) is { } cell)
            {
                extras.Add(new ExtraField(name, CsvCells.ExtraJson(cell)));
            }
        }

        return [.. extras];
    }
}
