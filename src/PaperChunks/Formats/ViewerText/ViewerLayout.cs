namespace PaperChunks.Formats.ViewerText;

/// <summary>How a dataset-viewer copy lays out its rows.</summary>
internal enum ViewerLayout
{
    /// <summary>
    /// One line per cell: a header of name, type and min/max lines, then each row as one line per
    /// column, newlines inside cells flattened to spaces.
    /// </summary>
    Lines,

    /// <summary>
    /// A pipe table: header cells separated by <c>|</c>, a <c>---|</c> rule, then rows
    /// <c>v1 | v2 | … |</c> whose cells keep their newlines.
    /// </summary>
    Table,
}
