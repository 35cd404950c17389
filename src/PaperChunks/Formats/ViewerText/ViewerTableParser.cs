using System.Text;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// The pipe-table layout: header cells (<c>name</c> / <c>type min</c> / <c>max</c> / <c>⌀</c>) separated
/// by <c>|</c>, a <c>---|---|</c> rule, then rows <c>v1 | v2 | … | vN |</c> whose cells keep their
/// newlines. A row ends on a line ending in <c> |</c> once its cells can be placed; the viewer's page
/// text after the table is skipped.
/// </summary>
internal sealed class ViewerTableParser : ViewerParser
{
    /// <summary>Header lines read before concluding there is no rule, i.e. no table.</summary>
    private const int MaxHeaderLines = 4096;

    private readonly List<(string Text, long Line)> _headerLines = [];
    private readonly StringBuilder _row = new();
    private readonly List<(int Offset, long Line)> _rowLines = [];
    private readonly int _maxRowChars;
    private ViewerCellSplitter? _splitter;
    private State _state = State.Header;
    private long _rowLine;
    private string? _unplaced;
    private ViewerRow? _misfit;

    public ViewerTableParser(string sourceName, int maxRowChars)
        : base(sourceName) => _maxRowChars = maxRowChars;

    private enum State
    {
        Header,
        Rows,
        PageText,
    }

    public override void Push(string line, long lineNumber, List<ViewerOutput> output)
    {
        switch (_state)
        {
            case State.Header:
                TakeHeaderLine(line, lineNumber);
                break;
            case State.Rows:
                TakeRowLine(line, lineNumber, output);
                break;
            default:
                if (!ViewerPageText.IsBlankOrPageText(line))
                {
                    output.Add(ViewerPageText.Unexpected(line, lineNumber));
                }

                break;
        }
    }

    public override void Complete(long lastLine, List<ViewerOutput> output)
    {
        if (_state == State.Header)
        {
            throw HeaderError(
                _headerLines.Count == 0 ? 1 : _headerLines[0].Line, null,
                "expected a dataset-viewer table header closed by a ---|---| rule, the file ended before the rule");
        }

        if (_row.Length > 0)
        {
            output.Add(Unplaced() ?? RowError($"expected {Columns!.Count} cells, the file ended after {CellCount()}"));
            ClearRow();
        }
    }

    private void TakeHeaderLine(string line, long lineNumber)
    {
        if (!IsRule(line))
        {
            if (_headerLines.Count >= MaxHeaderLines)
            {
                throw HeaderError(_headerLines[0].Line, null, $"expected a ---|---| rule closing the table header within {MaxHeaderLines} lines, found none");
            }

            _headerLines.Add((line, lineNumber));
            return;
        }

        var columns = ViewerTableHeader.Parse(_headerLines, SourceName);
        var ruleCells = line.Trim().Trim('|').Split('|').Length;
        if (ruleCells != columns.Count)
        {
            throw HeaderError(lineNumber, null, $"expected a rule with one ---| per column ({columns.Count}), found {ruleCells}");
        }

        HeaderLine = _headerLines[0].Line;
        Columns = columns;
        _splitter = new ViewerCellSplitter(columns);
        _state = State.Rows;
    }

    private void TakeRowLine(string line, long lineNumber, List<ViewerOutput> output)
    {
        if (_row.Length == 0 && string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        if (ViewerPageText.IsPageText(line))
        {
            if (_row.Length > 0)
            {
                output.Add(Unplaced() ?? RowError($"expected {Columns!.Count} cells, found {CellCount()} before the viewer's page text at line {lineNumber}"));
                ClearRow();
            }

            _state = State.PageText;
            return;
        }

        if (_unplaced is not null && LooksLikeRowStart(line))
        {
            output.Add(Unplaced()!);
            ClearRow();
        }

        // The row goes on: a candidate end that did not place is settled only by the line right after it.
        _misfit = null;
        _unplaced = null;

        if (_row.Length == 0)
        {
            _rowLine = lineNumber;
            RowsStarted++;
        }
        else
        {
            _row.Append('\n');
        }

        _rowLines.Add((_row.Length, lineNumber));
        _row.Append(line);
        if (_row.Length > _maxRowChars)
        {
            throw new PaperChunksFormatException(SourceName, _rowLine, 0, null, $"row {RowsStarted} at line {_rowLine}: expected a row of at most {_maxRowChars} characters (ReaderOptions.MaxRowBytes), found a longer one");
        }

        if (line.EndsWith(" |", StringComparison.Ordinal) || line == "|")
        {
            TryCompleteRow(output);
        }
    }

    private void TryCompleteRow(List<ViewerOutput> output)
    {
        var text = _row.ToString();
        var pieces = ViewerCellSplitter.Pieces(text);
        var columns = Columns!.Count;
        var cells = new string?[columns];
        var starts = new int[columns];
        switch (_splitter!.Split(text, pieces, cells, starts, out var detail))
        {
            case ViewerCellSplitter.Outcome.TooFewCells:
                return;
            case ViewerCellSplitter.Outcome.NoPlacement:
                // A cell may end a line with " |" and go on; decided when the next line does or does not start a row.
                _unplaced = detail;
                return;
            case ViewerCellSplitter.Outcome.Misfit:
                // If the row really ends here, the reader reports the cell that does not fit.
                _unplaced = detail;
                _misfit = new ViewerRow(RowsStarted, _rowLine, cells, CellLines(starts));
                return;
            case ViewerCellSplitter.Outcome.Ambiguous:
                output.Add(RowError(detail!));
                ClearRow();
                return;
        }

        output.Add(new ViewerRow(RowsStarted, _rowLine, cells, CellLines(starts)));
        ClearRow();
    }

    /// <summary>What to hand out for a row that ended unplaced: the one-piece-per-cell split, so its bad cell is named, or the error.</summary>
    private ViewerOutput? Unplaced() =>
        (ViewerOutput?)_misfit ?? (_unplaced is null ? null : RowError(_unplaced));

    private long[] CellLines(int[] starts)
    {
        var lines = new long[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            lines[i] = LineAt(starts[i]);
        }

        return lines;
    }

    /// <summary>Whether the line opens with cells that fit the first columns (only constrained columns can tell).</summary>
    private bool LooksLikeRowStart(string line)
    {
        var pieces = ViewerCellSplitter.Pieces(line + " |");
        var checkedAny = false;
        var cells = new string?[Columns!.Count];
        for (var i = 0; i < pieces.Count - 1 && i < cells.Length && _splitter!.Rules.IsConstrained(i); i++)
        {
            cells[i] = line[pieces[i].Start..pieces[i].End];
            if (!_splitter.Rules.Fits(i, cells[i], cells))
            {
                return false;
            }

            checkedAny = true;
        }

        return checkedAny || !_splitter!.Rules.IsConstrained(0);
    }

    private int CellCount()
    {
        var text = _row.ToString();
        return ViewerCellSplitter.Pieces(text.EndsWith(" |", StringComparison.Ordinal) ? text : text + " |").Count;
    }

    private long LineAt(int offset)
    {
        var line = _rowLines[0].Line;
        foreach (var (start, number) in _rowLines)
        {
            if (start > offset)
            {
                break;
            }

            line = number;
        }

        return line;
    }

    private ViewerRowError RowError(string reason) => new(_rowLine, null, $"row {RowsStarted} at line {_rowLine}: {reason}");

    private void ClearRow()
    {
        _row.Clear();
        _rowLines.Clear();
        _unplaced = null;
        _misfit = null;
    }

    private static bool IsRule(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return trimmed.Contains("---|", StringComparison.Ordinal)
            && !trimmed.ContainsAnyExcept("-|: ");
    }
}
