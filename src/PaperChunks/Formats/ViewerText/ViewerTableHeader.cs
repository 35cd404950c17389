using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Reads a pipe-table header: the lines before the rule, joined, split on <c>|</c>; each part holds a
/// column's name, <c>type [min]</c>, <c>[max]</c> and an optional <c>⌀</c> nullable mark, one per line.
/// </summary>
internal static class ViewerTableHeader
{
    private const string NullableMark = "⌀";

    public static List<ViewerColumn> Parse(List<(string Text, long Line)> lines, string sourceName)
    {
        var columns = new List<ViewerColumn>();
        var part = new List<(string Text, long Line)>();
        foreach (var (text, line) in lines)
        {
            var pieces = text.Split('|');
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    AddColumn(part, columns, sourceName);
                    part.Clear();
                }

                var piece = pieces[i].Trim();
                if (piece.Length > 0)
                {
                    part.Add((piece, line));
                }
            }
        }

        AddColumn(part, columns, sourceName);
        if (columns.Count == 0)
        {
            throw new PaperChunksFormatException(sourceName, lines.Count > 0 ? lines[0].Line : 1, 0, null, "expected a table header naming the columns before the ---|---| rule, found none");
        }

        return columns;
    }

    private static void AddColumn(List<(string Text, long Line)> part, List<ViewerColumn> columns, string sourceName)
    {
        if (part.Count == 0)
        {
            return;
        }

        var nullable = part[^1].Text == NullableMark;
        var markLine = part[^1].Line;
        if (nullable)
        {
            part.RemoveAt(part.Count - 1);
        }

        if (part.Count == 0)
        {
            // A header cell holding only the nullable mark (long fuzz seed dswxsYfkzBCR8TeC1 deleted the rest) was an
            // ArgumentOutOfRangeException, exit 3.
            throw new PaperChunksFormatException(sourceName, markLine, 0, null, $"expected a column name and its type before the nullable mark {NullableMark}, found only the mark");
        }

        var name = part[0].Text;
        if (part.Count < 2)
        {
            throw new PaperChunksFormatException(sourceName, part[0].Line, 0, name, "expected the column's type on the line after its name, found none");
        }

        var typeLine = part[1].Text;
        var space = typeLine.IndexOf(' ', StringComparison.Ordinal);
        var type = space < 0 ? typeLine : typeLine[..space];
        if (!ViewerTypes.IsKnown(type))
        {
            throw new PaperChunksFormatException(
                sourceName, part[1].Line, 0, name,
                $"expected a column type (stringlengths, int64, list, sequence, string), found \"{MessageText.Excerpt(typeLine)}\"");
        }

        var min = space < 0 ? null : typeLine[(space + 1)..].Trim();
        var max = part.Count > 2 ? part[2].Text : null;
        if (part.Count > 3 || (ViewerTypes.StatisticLines(type) == 2 && (ViewerTypes.ParseStatistic(min) is null || ViewerTypes.ParseStatistic(max) is null)))
        {
            throw new PaperChunksFormatException(
                sourceName, part[^1].Line, 0, name,
                $"expected a type with its min and max, then an optional {NullableMark}, found \"{MessageText.Excerpt(string.Join(" / ", part.Select(p => p.Text)))}\"");
        }

        columns.Add(new ViewerColumn(name, type, min, max, nullable));
    }
}
