namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Splits one pipe-table row (<c>v1 | v2 | … | vN |</c>, newlines kept) into its cells. When the row has
/// more ` | ` than the header has column gaps, some cells contain ` | ` themselves; the split is then the
/// one placement of the extra separators under which every cell fits what <see cref="ViewerCellRules"/>
/// pins down. No placement, or more than one, is reported rather than guessed.
/// </summary>
internal sealed class ViewerCellSplitter
{
    /// <summary>Placements tried per row before giving up, so a row full of ` | ` cannot stall the reader.</summary>
    private const int SearchBudget = 200_000;

    private readonly IReadOnlyList<ViewerColumn> _columns;
    private readonly ViewerCellRules _rules;

    public ViewerCellSplitter(IReadOnlyList<ViewerColumn> columns)
    {
        _columns = columns;
        _rules = new ViewerCellRules(columns);
    }

    public enum Outcome
    {
        Split,
        TooFewCells,
        NoPlacement,
        Ambiguous,

        /// <summary>
        /// As many pieces as columns, but some cell does not fit: either the row goes on (a cell ended a
        /// line with " |") or a cell is bad. The cells are filled, one piece each, for the caller to decide.
        /// </summary>
        Misfit,
    }

    public ViewerCellRules Rules => _rules;

    /// <summary>The ` | `-separated pieces of a row text that ends in <c> |</c>, as (start, end) offsets.</summary>
    public static List<(int Start, int End)> Pieces(string text)
    {
        var pieces = new List<(int Start, int End)>();
        var body = text.Length - 2;
        var start = 0;
        var from = 0;
        while (true)
        {
            var separator = text.IndexOf(" | ", from, StringComparison.Ordinal);
            if (separator < 0 || separator >= body)
            {
                break;
            }

            pieces.Add((Math.Min(start, separator), separator));
            start = separator + 3;
            from = separator + 2; // an empty cell prints as " | | ": the separators share a space
        }

        pieces.Add((Math.Min(start, body), body));
        return pieces;
    }

    /// <summary>Places the pieces into cells; on <see cref="Outcome.Split"/> the cells and their start offsets are filled.</summary>
    public Outcome Split(string text, List<(int Start, int End)> pieces, string?[] cells, int[] cellStarts, out string? detail)
    {
        detail = null;
        var columns = _columns.Count;
        if (pieces.Count < columns)
        {
            return Outcome.TooFewCells;
        }

        if (pieces.Count == columns)
        {
            for (var i = 0; i < columns; i++)
            {
                cells[i] = Cell(text, pieces[i].Start, pieces[i].End);
                cellStarts[i] = pieces[i].Start;
            }

            for (var i = 0; i < columns; i++)
            {
                if (!_rules.Fits(i, cells[i], cells))
                {
                    detail = $"column {_columns[i].Name} does not fit where the row's {columns} cells place it";
                    return Outcome.Misfit;
                }
            }

            return Outcome.Split;
        }

        var search = new Search(this, text, pieces);
        search.Place(0, 0);
        if (search.Solutions == 0)
        {
            detail = search.Budget <= 0
                ? $"the row has {pieces.Count - columns} more ` | ` than column gaps, too many to place"
                : $"the row has {pieces.Count - columns} more ` | ` than column gaps, and no placement of them inside cells fits every column";
            return Outcome.NoPlacement;
        }

        if (search.Solutions > 1)
        {
            detail = $"the row has {pieces.Count - columns} more ` | ` than column gaps, and they fit inside more than one column ({string.Join(", ", search.AmbiguousColumns)})";
            return Outcome.Ambiguous;
        }

        search.FirstCells.CopyTo(cells, 0);
        search.FirstStarts.CopyTo(cellStarts, 0);
        return Outcome.Split;
    }

    private static string? Cell(string text, int start, int end)
    {
        var length = end - start;
        return length == 4 && string.CompareOrdinal(text, start, "null", 0, 4) == 0 ? null : text.Substring(start, length);
    }

    /// <summary>Depth-first placement, stopping at the second solution.</summary>
    private sealed class Search
    {
        private readonly ViewerCellSplitter _owner;
        private readonly string _text;
        private readonly List<(int Start, int End)> _pieces;
        private readonly string?[] _cells;
        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly int[] _widths;

        public Search(ViewerCellSplitter owner, string text, List<(int Start, int End)> pieces)
        {
            _owner = owner;
            _text = text;
            _pieces = pieces;
            var columns = owner._columns.Count;
            _cells = new string?[columns];
            _starts = new int[columns];
            _ends = new int[columns];
            _widths = new int[columns];
            FirstCells = new string?[columns];
            FirstStarts = new int[columns];
        }

        public int Solutions { get; private set; }

        public int Budget { get; private set; } = SearchBudget;

        public string?[] FirstCells { get; }

        public int[] FirstStarts { get; }

        public List<string> AmbiguousColumns { get; } = [];

        private int[]? FirstWidths { get; set; }

        public void Place(int column, int piece)
        {
            var columns = _cells.Length;
            if (column == columns)
            {
                if (piece == _pieces.Count)
                {
                    Record();
                }

                return;
            }

            var maxWidth = _pieces.Count - piece - (columns - column - 1);
            for (var width = 1; width <= maxWidth && Solutions < 2 && Budget-- > 0; width++)
            {
                var start = _pieces[piece].Start;
                var end = _pieces[piece + width - 1].End;

                // Free text fits anything: its cell is cut only for the placement kept, not for every one tried.
                string? value = null;
                if (_owner._rules.NeedsValue(column))
                {
                    value = Cell(_text, start, end);
                    if (!_owner._rules.Fits(column, value, _cells))
                    {
                        continue;
                    }
                }

                _cells[column] = value;
                _starts[column] = start;
                _ends[column] = end;
                _widths[column] = width;
                Place(column + 1, piece + width);
            }
        }

        private void Record()
        {
            Solutions++;
            if (Solutions == 1)
            {
                for (var i = 0; i < _starts.Length; i++)
                {
                    FirstCells[i] = Cell(_text, _starts[i], _ends[i]);
                }

                _starts.CopyTo(FirstStarts, 0);
                FirstWidths = (int[])_widths.Clone();
                return;
            }

            for (var i = 0; i < _widths.Length; i++)
            {
                if (_widths[i] > 1 || FirstWidths![i] > 1)
                {
                    AmbiguousColumns.Add(_owner._columns[i].Name);
                }
            }
        }
    }
}
