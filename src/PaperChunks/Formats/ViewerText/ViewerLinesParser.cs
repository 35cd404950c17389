using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// The one-cell-per-line layout: a header of column name, type and (for some types) min and max, one
/// line each; then rows of exactly one line per column. The header ends at the first name that is
/// not followed by a type word; those two lines are the first row's first cells.
/// </summary>
internal sealed class ViewerLinesParser : ViewerParser
{
    /// <summary>Lines after a header's end in which a type word shows that the header went on (a name, its type, its min).</summary>
    private const int LinesWatchedAfterHeader = 3;

    private readonly List<ViewerColumn> _columns = [];
    private State _state = State.ExpectName;
    private string _name = "";
    private long _nameLine;
    private string _type = "";
    private string? _min;
    private int _statisticsLeft;
    private string?[] _cells = [];
    private long[] _cellLines = [];
    private int _filled;
    private long _rowLine;
    private string? _headerEnd;
    private int _linesAfterHeader;

    public ViewerLinesParser(string sourceName)
        : base(sourceName)
    {
    }

    private enum State
    {
        ExpectName,
        ExpectType,
        ExpectStatistic,
        Rows,
        PageText,
    }

    public override void Push(string line, long lineNumber, List<ViewerOutput> output)
    {
        switch (_state)
        {
            case State.Rows when ViewerPageText.IsPageText(line) && OnlyBlankCells():
                // Blank lines then the page's own text: the rows have ended.
                _filled = 0;
                _state = State.PageText;
                break;
            case State.Rows:
                WatchHeaderEnd(line);
                AddCell(line, lineNumber, output);
                break;
            case State.PageText:
                if (!ViewerPageText.IsBlankOrPageText(line))
                {
                    output.Add(ViewerPageText.Unexpected(line, lineNumber));
                }

                break;
            case State.ExpectName:
                _name = line;
                _nameLine = lineNumber;
                _state = State.ExpectType;
                break;
            case State.ExpectType:
                TakeType(line, lineNumber, output);
                break;
            default:
                TakeStatistic(line, lineNumber);
                break;
        }
    }

    public override void Complete(long lastLine, List<ViewerOutput> output)
    {
        switch (_state)
        {
            case State.ExpectName when _columns.Count == 0:
                throw HeaderError(1, null, "expected a dataset-viewer header (a column name, then its type), found an empty file");
            case State.ExpectName:
                StartRows();
                break;
            case State.ExpectType when _columns.Count > 0:
                StartRows();
                AddCell(_name, _nameLine, output);
                break;
            case State.ExpectType:
                throw HeaderError(_nameLine, null, $"expected a dataset-viewer header (a column name, then its type), found only \"{MessageText.Excerpt(_name)}\"");
            case State.ExpectStatistic:
                throw HeaderError(lastLine, _name, "expected the column's min and max under its type, the file ended");
        }

        if (_filled > 0 && !OnlyBlankCells())
        {
            output.Add(new ViewerRowError(
                _rowLine, null, $"row {RowsStarted} at line {_rowLine}: expected {_cells.Length} cells, the file ended after {_filled}"));
            _filled = 0;
        }
    }

    /// <summary>Settled once the lines that can show the header going on after its end (<see cref="LinesWatchedAfterHeader"/>) are read.</summary>
    public override bool HeaderSettled => Columns is not null && (_linesAfterHeader >= LinesWatchedAfterHeader || _state != State.Rows);

    /// <summary>Whether the unfinished row is only blank lines (or empty): whitespace of the copy, not a row, when the text ends or the page text follows.</summary>
    private bool OnlyBlankCells()
    {
        for (var i = 0; i < _filled; i++)
        {
            if (!string.IsNullOrWhiteSpace(_cells[i]))
            {
                return false;
            }
        }

        return true;
    }

    // A type word just after the line that ended the header: the header went on, so that line is the damage that cut
    // it short (a real cell is hardly "stringlengths" or "int64"; "null" is a cell).
    private void WatchHeaderEnd(string line)
    {
        if (_linesAfterHeader >= LinesWatchedAfterHeader)
        {
            return;
        }

        _linesAfterHeader++;
        if (_headerEnd is not null && line != "null" && ViewerTypes.IsKnown(line))
        {
            HeaderEnd = _headerEnd;
        }
    }

    private void TakeType(string line, long lineNumber, List<ViewerOutput> output)
    {
        if (ViewerTypes.IsKnown(line))
        {
            _type = line;
            _min = null;
            _statisticsLeft = ViewerTypes.StatisticLines(line);
            if (_statisticsLeft == 0)
            {
                AddColumn(null, null);
            }
            else
            {
                _state = State.ExpectStatistic;
            }

            return;
        }

        if (_columns.Count == 0)
        {
            throw HeaderError(
                lineNumber, null,
                $"expected a dataset-viewer header: a column name, then its type (stringlengths, int64, list, sequence, string) on the next line; found \"{MessageText.Excerpt(_name)}\" then \"{MessageText.Excerpt(line)}\"");
        }

        HeaderEndedAt = lineNumber;
        _headerEnd = $"the header ends before line {_nameLine}: \"{MessageText.Excerpt(_name)}\" there is not followed by a type word (found \"{MessageText.Excerpt(line)}\" at line {lineNumber})";
        StartRows();
        AddCell(_name, _nameLine, output);
        AddCell(line, lineNumber, output);
    }

    private void TakeStatistic(string line, long lineNumber)
    {
        if (ViewerTypes.ParseStatistic(line) is null && _type != "stringclasses")
        {
            throw HeaderError(lineNumber, _name, $"expected the column's {(_min is null ? "min" : "max")} under its type {_type} (a number such as 401 or 2.02k), found \"{MessageText.Excerpt(line)}\"");
        }

        _statisticsLeft--;
        if (_statisticsLeft > 0)
        {
            _min = line;
            return;
        }

        if (_type == "stringclasses")
        {
            AddColumn(null, null);
        }
        else
        {
            AddColumn(_min, line);
        }
    }

    private void AddColumn(string? min, string? max)
    {
        if (_columns.Count == 0)
        {
            HeaderLine = _nameLine;
        }

        _columns.Add(new ViewerColumn(_name, _type, min, max, IsNullable: false));
        _state = State.ExpectName;
    }

    private void StartRows()
    {
        Columns = _columns;
        _state = State.Rows;
        _cells = new string?[_columns.Count];
        _cellLines = new long[_columns.Count];
    }

    private void AddCell(string line, long lineNumber, List<ViewerOutput> output)
    {
        if (_filled == 0)
        {
            _rowLine = lineNumber;
            RowsStarted++;
        }

        _cells[_filled] = Cell(line);
        _cellLines[_filled] = lineNumber;
        _filled++;
        if (_filled == _cells.Length)
        {
            output.Add(new ViewerRow(RowsStarted, _rowLine, _cells, _cellLines));
            _cells = new string?[_cells.Length];
            _cellLines = new long[_cells.Length];
            _filled = 0;
        }
    }
}
