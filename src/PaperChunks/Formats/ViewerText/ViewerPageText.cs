using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// The text a dataset-viewer page shows below its rows, copied along with them (<c>Subsets and
/// Splits</c>, <c>No saved queries yet</c>, …). Where it starts, the rows have ended.
/// </summary>
internal static class ViewerPageText
{
    private static readonly string[] Starts =
    [
        "Subsets and Splits", "No saved queries yet", "Save your SQL queries to embed, download, and access them later.",
    ];

    public static bool IsPageText(string line)
    {
        foreach (var text in Starts)
        {
            if (line.StartsWith(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsBlankOrPageText(string line) => string.IsNullOrWhiteSpace(line) || IsPageText(line);

    public static ViewerRowError Unexpected(string line, long lineNumber) =>
        new(lineNumber, null, $"expected only the viewer's page text after the rows, found \"{MessageText.Excerpt(line)}\"");
}
