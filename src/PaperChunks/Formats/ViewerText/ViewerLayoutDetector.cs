namespace PaperChunks.Formats.ViewerText;

/// <summary>Tells the two viewer layouts apart from a file's first lines (the header's start).</summary>
internal static class ViewerLayoutDetector
{
    /// <summary>How many leading lines <see cref="Detect"/> looks at.</summary>
    public const int LinesNeeded = 4;

    /// <summary>
    /// The layout, or <see langword="null"/> when the second line is no viewer type word. The
    /// one-cell-per-line header has the bare type alone on line 2 (<c>stringlengths</c>); the table
    /// prints <c>type min</c> there, or closes the first header cell with <c>|</c>.
    /// </summary>
    public static ViewerLayout? Detect(IReadOnlyList<string> firstLines)
    {
        if (firstLines.Count < 2 || firstLines[0].Contains('|', StringComparison.Ordinal))
        {
            return null;
        }

        var second = firstLines[1];
        var space = second.IndexOf(' ', StringComparison.Ordinal);
        var type = space < 0 ? second : second[..space];
        if (!ViewerTypes.IsKnown(type))
        {
            return null;
        }

        if (space >= 0)
        {
            return ViewerLayout.Table;
        }

        for (var i = 2; i < firstLines.Count && i < LinesNeeded; i++)
        {
            if (firstLines[i].StartsWith('|') || firstLines[i].EndsWith('|'))
            {
                return ViewerLayout.Table;
            }
        }

        return ViewerLayout.Lines;
    }
}
