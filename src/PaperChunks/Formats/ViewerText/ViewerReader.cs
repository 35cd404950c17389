using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Base of the dataset-viewer readers: reads either layout (<see cref="ViewerLayout"/>), detected from
/// the header unless given, line by line (plain, <c>.gz</c> or <c>.zst</c>), and turns each row's cells
/// into a record. A cell that does not fit its column, a truncated row or a row whose cells cannot be
/// placed is a bad row (see <see cref="ErrorPolicy"/>); a header that cannot be read is thrown.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class ViewerReader<T> : TextRecordReader<T>
    where T : class
{
    private readonly List<string> _firstLines = [];
    private readonly List<ViewerOutput> _pending = [];
    private ViewerParser? _parser;
    private int _next;
    private int _lastLineLength;
    private bool _headerSeen;

    /// <summary>Opens a file; compression is chosen by extension and confirmed by magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    private protected ViewerReader(string path, ReaderOptions? options, ViewerLayout? layout)
        : base(path, options) => Layout = layout;

    /// <summary>Reads from a stream; gzip or zstd content is detected from its magic bytes when the stream can seek.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    private protected ViewerReader(Stream stream, ReaderOptions? options, ViewerLayout? layout)
        : base(stream, options) => Layout = layout;

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

    /// <summary>Builds a located error for this input (for header checks in derived readers).</summary>
    private protected PaperChunksFormatException HeaderError(long line, string reason) => FormatError(line, 0, null, reason);

    /// <summary>
    /// The error for a header that lacks <paramref name="missing"/> of the columns <paramref name="expected"/> names,
    /// with where the header ended when a line breaking its pattern ended it (<see cref="ViewerParser.HeaderEnd"/>):
    /// the damage that cut the header short is there, not at its first line.
    /// </summary>
    private protected PaperChunksFormatException MissingColumns(long headerLine, string expected, ViewerColumnIndex index, List<string> missing) =>
        HeaderError(
            headerLine,
            $"expected {expected}, found {(index.KnownCount == 0 ? "no known column" : "no " + string.Join(", ", missing))} (columns: {index.Names}){(_parser?.HeaderEnd is { } end ? "; " + end : "")}");

    private protected sealed override void OnLine(string line, long lineNumber)
    {
        _lastLineLength = line.Length;
        if (_parser is not null)
        {
            Push(line, lineNumber);
            return;
        }

        _firstLines.Add(line);
        if (_firstLines.Count == ViewerLayoutDetector.LinesNeeded)
        {
            StartParser();
        }
    }

    private protected sealed override void OnEnd(long lastLine)
    {
        if (_parser is null)
        {
            StartParser();
        }

        _parser!.Complete(lastLine, _pending);
        if (!LastLineHadBreak && (_parser.RowsStarted == 0 || _parser.HeaderEndedAt == lastLine))
        {
            // A copy always has rows below its header, and a line break ends each header line: a last line without
            // one, with no row yet (or the one line that ended the header, a type word cut short), is a copy cut
            // inside its header, not a header-only copy.
            throw FormatError(
                lastLine, _lastLineLength + 1, null, "expected a line break and rows after the header, found the end of the file: the file is cut inside its header");
        }

        CheckHeader();
    }

    private protected sealed override T? TakeCompleted()
    {
        if (!_headerSeen)
        {
            // Rows wait until the header is checked (it settles a few lines after its end, or at the end of the input).
            return null;
        }

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

    private void StartParser()
    {
        Layout ??= ViewerLayoutDetector.Detect(_firstLines)
            ?? throw FormatError(
                _firstLines.Count > 1 ? 2 : 1, 0, null,
                $"expected a dataset-viewer header (a column name, then its type: stringlengths, int64, list, sequence, string), found \"{MessageText.Excerpt(_firstLines.Count > 1 ? _firstLines[1] : _firstLines.FirstOrDefault() ?? "")}\"");
        _parser = Layout == ViewerLayout.Table
            ? new ViewerTableParser(SourceName, Options.MaxRowBytes)
            : new ViewerLinesParser(SourceName);
        for (var i = 0; i < _firstLines.Count; i++)
        {
            Push(_firstLines[i], i + 1);
        }

        _firstLines.Clear();
    }

    // The header is checked once it is settled, not as soon as it is read: the lines after it can show that it was
    // cut short (ViewerParser.HeaderEnd), which the missing-column error then names.
    private void Push(string line, long number)
    {
        _parser!.Push(line, number, _pending);
        if (_parser.HeaderSettled)
        {
            CheckHeader();
        }
    }

    private void CheckHeader()
    {
        if (!_headerSeen && _parser!.Columns is { } columns)
        {
            _headerSeen = true;
            RejectRepeatedColumn(columns);
            UseColumns(columns, _parser.HeaderLine);
        }
    }

    // A header that names a column twice is damage (a duplicated piece of the copy), never a layout the viewer prints:
    // read on, the second copy of the header became columns of its own and every row took in two.
    private void RejectRepeatedColumn(IReadOnlyList<ViewerColumn> columns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!seen.Add(column.Name))
            {
                throw FormatError(
                    _parser!.HeaderLine, 0, null,
                    $"expected each column once in the header, found \"{MessageText.Excerpt(column.Name)}\" twice (columns: {string.Join(", ", columns.Select(c => c.Name))})");
            }
        }
    }
}
