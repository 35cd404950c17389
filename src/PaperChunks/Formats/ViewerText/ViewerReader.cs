namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Base of the dataset-viewer readers: reads either layout (<see cref="ViewerLayout"/>), detected from
/// the header unless given, line by line (plain, <c>.gz</c> or <c>.zst</c>), and turns each row's cells
/// into a record. A cell that does not fit its column, a truncated row or a row whose cells cannot be
/// placed is a bad row (see <see cref="ErrorPolicy"/>); a header that cannot be read is thrown.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class ViewerReader<T> : RecordReader<T>
    where T : class
{
    private readonly TextLineSource _lines;
    private readonly List<string> _firstLines = [];
    private readonly List<ViewerOutput> _pending = [];
    private ViewerParser? _parser;
    private int _next;
    private bool _ended;
    private bool _headerSeen;

    /// <summary>Opens a file; compression is chosen by extension and confirmed by magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    protected ViewerReader(string path, ReaderOptions? options, ViewerLayout? layout)
        : base(path, options)
    {
        Layout = layout;
        _lines = new TextLineSource(CompressedStreams.OpenRead(path, Options), SourceName, Options.MaxRowBytes);
    }

    /// <summary>Reads from a stream; gzip or zstd content is detected from its magic bytes when the stream can seek.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    protected ViewerReader(Stream stream, ReaderOptions? options, ViewerLayout? layout)
        : base(options?.SourceName ?? "<stream>", options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Layout = layout;
        var input = stream.CanSeek ? CompressedStreams.Decompress(stream, SourceName, StreamCompression.None, Options) : stream;
        _lines = new TextLineSource(input, SourceName, Options.MaxRowBytes);
    }

    /// <summary>The layout, as given or as detected once the first lines have been read.</summary>
    public ViewerLayout? Layout { get; private set; }

    /// <summary>The header's columns, once read (after the first <see cref="RecordReader{T}.Read"/>); otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<ViewerColumn>? Columns => _parser?.Columns;

    /// <summary>Checks the header once it has been read, and prepares the column lookups.</summary>
    /// <param name="columns">The header's columns in order.</param>
    /// <param name="headerLine">The line on which the header starts, for errors.</param>
    /// <exception cref="PaperChunksFormatException">The columns do not make this reader's record type.</exception>
    private protected abstract void UseColumns(IReadOnlyList<ViewerColumn> columns, long headerLine);

    /// <summary>Builds the record of one row; a cell that does not fit throws <see cref="ViewerCellException"/>.</summary>
    private protected abstract T Map(ViewerCells cells);

    /// <inheritdoc/>
    protected sealed override T? ReadCore()
    {
        while (true)
        {
            if (TakePending() is { } record)
            {
                return record;
            }

            if (_ended)
            {
                return null;
            }

            Feed(_lines.ReadLine());
        }
    }

    /// <inheritdoc/>
    protected sealed override async ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TakePending() is { } record)
            {
                return record;
            }

            if (_ended)
            {
                return null;
            }

            Feed(await _lines.ReadLineAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Builds a located error for this input (for header checks in derived readers).</summary>
    private protected PaperChunksFormatException HeaderError(long line, string reason) => FormatError(line, 0, null, reason);

    private T? TakePending()
    {
        while (_next < _pending.Count)
        {
            var output = _pending[_next++];
            if (output is ViewerRowError error)
            {
                ReportBadRow(FormatError(error.Line, 0, error.Field, error.Reason));
                continue;
            }

            var row = (ViewerRow)output;
            try
            {
                var record = Map(new ViewerCells(row, _parser!.Columns!, Options.MaxJsonDepth));
                CurrentLine = row.Line;
                return record;
            }
            catch (ViewerCellException e)
            {
                ReportBadRow(FormatError(e.Line, 0, e.Field, e.Message));
            }
        }

        _pending.Clear();
        _next = 0;
        return null;
    }

    private void Feed(string? line)
    {
        if (_parser is null)
        {
            if (line is not null)
            {
                _firstLines.Add(line);
                if (_firstLines.Count < ViewerLayoutDetector.LinesNeeded)
                {
                    return;
                }
            }

            StartParser();
            var first = 1L;
            foreach (var buffered in _firstLines)
            {
                Push(buffered, first++);
            }

            _firstLines.Clear();
            if (line is not null)
            {
                return;
            }
        }
        else if (line is not null)
        {
            Push(line, _lines.LineNumber);
            return;
        }

        _parser!.Complete(_lines.LineNumber, _pending);
        CheckHeader();
        _ended = true;
    }

    private void StartParser()
    {
        Layout ??= ViewerLayoutDetector.Detect(_firstLines)
            ?? throw FormatError(
                _firstLines.Count > 1 ? 2 : 1, 0, null,
                $"expected a dataset-viewer header (a column name, then its type: stringlengths, int64, list, sequence, string), found \"{TextExcerpt.Of(_firstLines.Count > 1 ? _firstLines[1] : _firstLines.FirstOrDefault() ?? "")}\"");
        _parser = Layout == ViewerLayout.Table
            ? new ViewerTableParser(SourceName, Options.MaxRowBytes)
            : new ViewerLinesParser(SourceName);
    }

    private void Push(string line, long number)
    {
        _parser!.Push(line, number, _pending);
        CheckHeader();
    }

    private void CheckHeader()
    {
        if (!_headerSeen && _parser!.Columns is { } columns)
        {
            _headerSeen = true;
            UseColumns(columns, _parser.HeaderLine);
        }
    }
}
