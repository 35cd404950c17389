using System.Globalization;
using CsvHelper;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Reads chunk rows from CSV (plain, <c>.gz</c> or <c>.zst</c>) with a header naming the columns
/// (<see cref="ChunkColumns"/>, any order): RFC 4180 quoting with line breaks inside quoted cells, list and
/// struct columns as JSON in the cell. In a nullable column an empty cell is null and <c>""</c> an empty
/// string. Malformed quoting and a wrong number of cells are located format errors (line and column).
/// Unknown columns are kept as <see cref="ChunkRecord.ExtraFields"/> holding JSON strings. The file's
/// <see cref="ChunkSchema"/> is learnt from the cells: a quoted <c>chunk-id</c> is a string of digits,
/// <c>authors</c>/<c>categories</c> a JSON list or one <c>", "</c>-joined string, <c>references</c> a list of
/// <c>{id}</c> objects or of bare ids; a file mixing the two of a column is a located error.
/// </summary>
internal sealed class CsvChunkReader : RecordReader<ChunkRecord>
{
    private static readonly string[] Required = [ChunkColumns.Doi, ChunkColumns.ChunkId, ChunkColumns.Chunk];

    private readonly CsvReader _csv;
    private readonly CountingStream _input;
    private readonly Queue<PaperChunksFormatException> _malformed = new();
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<(string Name, int Index)> _extras = [];
    private readonly ChunkSchemaLearner _schema = new();
    private ChunkFields _absent;
    private bool _headerRead;

    /// <summary>Opens a <c>.csv</c>, <c>.csv.gz</c> or <c>.csv.zst</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    public CsvChunkReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
        _input = new CountingStream(CompressedStreams.OpenRead(path, Options));
        _csv = CsvReader.Create(_input, CsvOptions(), false);
    }

    /// <summary>Reads CSV from a stream (gzip or zstd detected when it can seek); disposed with the reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public CsvChunkReader(Stream stream, ReaderOptions? options = null)
        : base(options?.SourceName ?? "<stream>", options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _input = new CountingStream(stream.CanSeek ? CompressedStreams.Decompress(stream, SourceName, StreamCompression.None, Options) : stream);
        _csv = CsvReader.Create(_input, CsvOptions(), false);
    }

    /// <inheritdoc/>
    protected override ChunkRecord? ReadCore()
    {
        var more = _headerRead ? Translate(() => _csv.Read()) : ReadHeader();
        while (true)
        {
            DrainMalformed();
            if (!more)
            {
                return null;
            }

            if (Parse() is { } record)
            {
                return record;
            }

            more = Translate(() => _csv.Read());
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<ChunkRecord?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        // CsvHelper reads ahead in large blocks, so the synchronous path blocks rarely and briefly.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadCore());
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _csv.Dispose();
        }

        base.Dispose(disposing);
    }

    private CsvHelper.CsvReaderOptions CsvOptions() => new()
    {
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        TrackLineNumbers = true,
        MaxRecordSize = Options.MaxRowBytes,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        OnMalformedRecord = OnMalformed,
        SkipEmptyLines = true,
        DetectSeparatorHint = false,
        Separator = ',',
    };

    /// <summary>Reads the header and the first record (false: none), and maps the header's columns.</summary>
    private bool ReadHeader()
    {
        _headerRead = true;
        var more = Translate(() => _csv.Read());
        if (!more && _malformed.Count == 0 && _input.LastByte is not ('\n' or '\r'))
        {
            // Nothing after the header and no line break at its end: the file was cut inside its header (or is
            // empty), and what is left of the header must not pass for a file of no rows.
            var header = string.Join(',', _csv.Headers);
            throw FormatError(1, header.Length + 1, null, header.Length == 0
                ? "expected a header line naming the columns doi, chunk-id and chunk, found an empty file"
                : "expected a line break after the header, found the end of the file: the file is cut inside its header");
        }

        var headers = _csv.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            if (ChunkColumns.FieldOf(headers[i]) == ChunkFields.None)
            {
                _extras.Add((headers[i], i));
            }
            else if (!_columns.TryAdd(headers[i], i))
            {
                throw FormatError(1, CsvRawRecord.FieldStart(System.Text.Encoding.UTF8.GetBytes(string.Join(',', headers)), i).Column, headers[i], "expected each column once in the header, found it twice");
            }
        }

        foreach (var name in ChunkColumns.All)
        {
            if (_columns.ContainsKey(name))
            {
                continue;
            }

            if (Array.IndexOf(Required, name) >= 0)
            {
                throw FormatError(1, 0, name, "expected this column in the header, found none");
            }

            _absent |= ChunkColumns.FieldOf(name);
        }

        return more;
    }

    private void OnMalformed(CsvMalformedRecord record)
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(record.RawRecord);
        var line = record.LineNumber;
        if (record.Reason == CsvMalformedReason.FieldCountMismatch)
        {
            var count = CountFields(raw);
            _malformed.Enqueue(FormatError(line, 0, null, $"expected {_csv.Headers.Count} cells as in the header, found {count}"));
            return;
        }

        var problem = CsvRawRecord.QuoteProblem(raw);
        _malformed.Enqueue(problem is { } p
            ? FormatError(line + p.Line, p.Column, null, p.Reason)
            : FormatError(line, 0, null, $"malformed quoting ({record.Reason})"));
    }

    private void DrainMalformed()
    {
        while (_malformed.TryDequeue(out var error))
        {
            ReportBadRow(error);
        }
    }

    private ChunkRecord? Parse()
    {
        CurrentLine = _csv.LineNumber;
        string? badField = null;
        string? reason = null;
        var chunkId = ChunkId(ref badField, ref reason);
        var authors = List(ChunkColumns.Authors, ChunkFields.Authors, ref badField, ref reason);
        var categories = List(ChunkColumns.Categories, ChunkFields.Categories, ref badField, ref reason);
        PaperReference[]? references = [];
        if (_columns.TryGetValue(ChunkColumns.References, out var referencesIndex))
        {
            references = CsvCells.ParseReferences(_csv.GetSpan(referencesIndex), out var kind, out var error);
            error ??= kind is { } found ? _schema.See(ChunkFields.References, found) : null;
            if (error is not null && badField is null)
            {
                (badField, reason) = (ChunkColumns.References, error);
            }
        }

        if (badField is not null)
        {
            var column = CsvRawRecord.FieldStart(_csv.RawRecord, _columns[badField]);
            ReportBadRow(FormatError(CurrentLine + column.Line, column.Column, badField, reason!));
            return null;
        }

        var doi = Text(ChunkColumns.Doi) ?? "";
        var id = Text(ChunkColumns.Id) ?? "";
        if (_columns.ContainsKey(ChunkColumns.Id))
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

    // A quoted string of digits is the digit-string variant (ai-arxiv-chunked's "0"), unless the file quotes every
    // cell: doi never needs quotes, so a quoted doi says the quotes carry no meaning (pandas' QUOTE_ALL).
    private long ChunkId(ref string? badField, ref string? reason)
    {
        var index = _columns[ChunkColumns.ChunkId];
        var idText = _csv.GetString(index);
        var digits = idText.Length > 0 && !idText.AsSpan().ContainsAnyExceptInRange('0', '9');
        var found = digits && IsQuoted(index) && !IsQuoted(_columns[ChunkColumns.Doi]) ? ChunkColumnType.DigitString : ChunkColumnType.Number;
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

    private bool IsQuoted(int index) => _csv.GetRawSpan(index) is [(byte)'"', ..];

    // A JSON list ("[\"a\",\"b\"]") or one string joined by ", " (the seeds' viewer type); an unquoted empty cell is
    // an empty list of either kind.
    private IReadOnlyList<string>? List(string name, ChunkFields field, ref string? badField, ref string? reason)
    {
        if (!_columns.TryGetValue(name, out var index))
        {
            return [];
        }

        var cell = _csv.GetSpan(index);
        if (cell.IsEmpty && !IsQuoted(index))
        {
            return [];
        }

        var found = cell is [(byte)'[', ..] ? ChunkColumnType.StringList : ChunkColumnType.CommaSeparatedString;
        string? error = _schema.See(field, found);
        IReadOnlyList<string>? items = null;
        if (error is null)
        {
            items = found == ChunkColumnType.StringList ? CsvCells.ParseStrings(cell, out error) : JoinedList.Split(_csv.GetString(index));
        }

        if (error is not null && badField is null)
        {
            (badField, reason) = (name, error);
        }

        return items;
    }

    // An empty cell is null; a quoted empty cell ("") is an empty string.
    private string? Text(string name)
    {
        if (!_columns.TryGetValue(name, out var index))
        {
            return null;
        }

        return _csv.IsEmpty(index) && _csv.GetRawSpan(index).IsEmpty ? null : _csv.GetString(index);
    }

    private ExtraField[] Extras()
    {
        if (_extras.Count == 0)
        {
            return [];
        }

        var extras = new ExtraField[_extras.Count];
        for (var i = 0; i < extras.Length; i++)
        {
            extras[i] = new ExtraField(_extras[i].Name, System.Text.Json.JsonSerializer.Serialize(_csv.GetString(_extras[i].Index)));
        }

        return extras;
    }

    // Separators outside quotes, plus one; a doubled quote toggles twice, so RFC 4180 escaping needs no special case.
    private static int CountFields(ReadOnlySpan<byte> raw)
    {
        var inQuotes = false;
        var count = 1;
        foreach (var b in raw)
        {
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (b == (byte)',' && !inQuotes)
            {
                count++;
            }
        }

        return count;
    }

    private T Translate<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            throw FormatError(e.LineNumber, 0, null, e.Message, e);
        }
    }
}
