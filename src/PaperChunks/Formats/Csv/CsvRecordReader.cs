using CsvHelper;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// What every CSV reader shares: CsvHelper in RFC 4180 mode over a plain, <c>.gz</c> or <c>.zst</c> input, a header
/// naming the columns in any order, malformed quoting and wrong cell counts as located bad rows, and cells located
/// by line and column for the record kind's own errors. A subclass names its columns and turns one row into a record.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class CsvRecordReader<T> : RecordReader<T>
    where T : class
{
    private readonly CountingStream _input;
    private readonly Queue<PaperChunksFormatException> _malformed = new();
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly List<(string Name, int Index)> _extras = [];
    private bool _headerRead;
    private bool _readAhead;

    /// <summary>Opens a <c>.csv</c>, <c>.csv.gz</c> or <c>.csv.zst</c> file.</summary>
    protected CsvRecordReader(string path, ReaderOptions? options)
        : base(path, options)
    {
        _input = new CountingStream(CompressedStreams.OpenRead(path, Options));
        Csv = CsvReader.Create(_input, CsvOptions(), false);
    }

    /// <summary>Reads CSV from a stream (gzip or zstd detected when it can seek); disposed with the reader.</summary>
    protected CsvRecordReader(Stream stream, ReaderOptions? options)
        : base(options?.SourceName ?? "<stream>", options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _input = new CountingStream(stream.CanSeek ? CompressedStreams.Decompress(stream, SourceName, StreamCompression.None, Options) : stream);
        Csv = CsvReader.Create(_input, CsvOptions(), false);
    }

    /// <summary>The reader, positioned on the current row.</summary>
    private protected CsvReader Csv { get; }

    /// <summary>The columns this record kind models, by their on-disk names.</summary>
    private protected abstract IReadOnlyList<string> KnownColumns { get; }

    /// <summary>The columns a header must name.</summary>
    private protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>What is said of a header column that is not known, or <see langword="null"/> when such columns are kept (<see cref="ExtraColumns"/>).</summary>
    private protected virtual string? UnknownColumnReason => null;

    /// <summary>The header's columns that are not <see cref="KnownColumns"/>, in header order.</summary>
    private protected IReadOnlyList<(string Name, int Index)> ExtraColumns => _extras;

    /// <summary>Turns the current row into a record, or reports it (<see cref="BadCell"/>) and returns <see langword="null"/>.</summary>
    private protected abstract T? Parse();

    /// <summary>Called with the header's names before they are checked against <see cref="KnownColumns"/> (a reader whose columns depend on its layout chooses here).</summary>
    private protected virtual void HeaderNamed(IReadOnlyList<string> names)
    {
    }

    /// <summary>Called once the header is read; <see cref="Has"/> then answers.</summary>
    private protected virtual void HeaderRead()
    {
    }

    /// <inheritdoc/>
    protected override T? ReadCore()
    {
        var more = _headerRead ? _readAhead : ReadHeader();
        while (true)
        {
            DrainMalformed();
            if (!more)
            {
                _readAhead = false;
                return null;
            }

            CurrentLine = Csv.LineNumber;
            var record = Parse();
            var cut = EndOfSeparator();

            // The next row is read before this one is returned, so a last row cut right after a separator (its
            // cell count still right) is reported instead of passing for a row whose last cell is empty.
            more = Translate(() => Csv.Read());
            if (record is not null && IsCutAfterSeparator(more, cut))
            {
                ReportBadRow(FormatError(CurrentLine + cut!.Value.Line, cut.Value.Column, null,
                    "expected a cell or a line break after the last separator, found the end of the file: the file is cut after a separator"));
                record = null;
            }

            if (record is not null)
            {
                _readAhead = more;
                return record;
            }
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken)
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
            Csv.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The index of a column the header names (a required one).</summary>
    private protected int IndexOf(string name) => _columns[name];

    /// <summary>Whether the header names <paramref name="name"/>.</summary>
    private protected bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>The raw UTF-8 of a column's cell (quotes removed), or empty when the header lacks the column.</summary>
    private protected ReadOnlySpan<byte> Span(string name) => _columns.TryGetValue(name, out var index) ? Csv.GetSpan(index) : default;

    /// <summary>A text cell: an empty cell is null, a quoted empty cell (<c>""</c>) an empty string; null when the header lacks the column.</summary>
    private protected string? Text(string name) => _columns.TryGetValue(name, out var index) ? Text(index) : null;

    /// <summary>A text cell by index: an empty cell is null, a quoted empty cell (<c>""</c>) an empty string.</summary>
    private protected string? Text(int index) =>
        Csv.IsEmpty(index) && Csv.GetRawSpan(index).IsEmpty ? null : Csv.GetString(index);

    /// <summary>Reports the current row as bad, located at the start of <paramref name="field"/>'s cell; returns null for <see cref="Parse"/> to return.</summary>
    private protected T? BadCell(string field, string reason)
    {
        var column = CsvRawRecord.FieldStart(Csv.RawRecord, _columns[field]);
        ReportBadRow(FormatError(CurrentLine + column.Line, column.Column, field, reason));
        return null;
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
        var more = Translate(() => Csv.Read());
        if (!more && _malformed.Count == 0 && _input.LastByte is not ('\n' or '\r'))
        {
            // Nothing after the header and no line break at its end: the file was cut inside its header (or is
            // empty), and what is left of the header must not pass for a file of no rows.
            var header = string.Join(',', Csv.Headers);
            throw FormatError(1, header.Length + 1, null, header.Length == 0
                ? $"expected a header line naming the columns {string.Join(", ", RequiredColumns.Take(RequiredColumns.Count - 1))} and {RequiredColumns[^1]}, found an empty file"
                : "expected a line break after the header, found the end of the file: the file is cut inside its header");
        }

        var headers = Csv.Headers;
        HeaderNamed(headers);
        for (var i = 0; i < headers.Count; i++)
        {
            if (!KnownColumns.Contains(headers[i]))
            {
                if (UnknownColumnReason is { } reason)
                {
                    throw HeaderError(headers, i, reason);
                }

                _extras.Add((headers[i], i));
            }
            else if (!_columns.TryAdd(headers[i], i))
            {
                throw HeaderError(headers, i, "expected each column once in the header, found it twice");
            }
        }

        foreach (var name in RequiredColumns)
        {
            if (!_columns.ContainsKey(name))
            {
                throw FormatError(1, 0, name, "expected this column in the header, found none");
            }
        }

        HeaderRead();
        return more;
    }

    // Where the current row ends, when it ends with a separator (the only rows a cut can leave with the right cell count).
    private (int Line, int Column)? EndOfSeparator()
    {
        var raw = Csv.RawRecord;
        return raw.Length > 0 && raw[^1] == (byte)',' ? CsvRawRecord.FieldStart(raw, int.MaxValue) : null;
    }

    private bool IsCutAfterSeparator(bool more, (int Line, int Column)? end) =>
        !more && end is not null && _malformed.Count == 0 && _input.LastByte == ',';

    private PaperChunksFormatException HeaderError(IReadOnlyList<string> headers, int index, string reason) =>
        FormatError(1, CsvRawRecord.FieldStart(System.Text.Encoding.UTF8.GetBytes(string.Join(',', headers)), index).Column, headers[index], reason);

    private void OnMalformed(CsvMalformedRecord record)
    {
        var raw = System.Text.Encoding.UTF8.GetBytes(record.RawRecord);
        var line = record.LineNumber;
        if (record.Reason == CsvMalformedReason.FieldCountMismatch)
        {
            var count = CountFields(raw);
            _malformed.Enqueue(FormatError(line, 0, null, $"expected {Csv.Headers.Count} cells as in the header, found {count}"));
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

    private TResult Translate<TResult>(Func<TResult> read)
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
