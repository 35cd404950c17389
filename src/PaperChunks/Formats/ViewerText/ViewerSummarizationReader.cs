using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Reads SciTLDR rows (<see cref="SummarizationRecord"/>) from a dataset-viewer copy in either layout.
/// The header must name <c>source</c>, <c>paper_id</c> and <c>target</c>. Where the viewer shows
/// <c>source</c> as one string the record has the <see cref="SummarizationShape.Flattened"/> shape
/// (one source element, one target element); where it shows lists, the list shape.
/// </summary>
internal sealed class ViewerSummarizationReader : ViewerReader<SummarizationRecord>
{
    private ViewerColumnIndex _index = null!;

    /// <summary>Opens a file (plain, <c>.gz</c> or <c>.zst</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened.</exception>
    public ViewerSummarizationReader(string path, ReaderOptions? options = null, ViewerLayout? layout = null)
        : base(path, options, layout)
    {
    }

    /// <summary>Reads from a stream.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    public ViewerSummarizationReader(Stream stream, ReaderOptions? options = null, ViewerLayout? layout = null)
        : base(stream, options, layout)
    {
    }

    private protected override void UseColumns(IReadOnlyList<ViewerColumn> columns, long headerLine)
    {
        _index = new ViewerColumnIndex(columns, SummarizationColumns.All);
        var missing = _index.Missing(SummarizationColumns.Source, SummarizationColumns.PaperId, SummarizationColumns.Target);
        if (_index.KnownCount == 0 || missing.Count > 0)
        {
            throw MissingColumns(headerLine, "a SciTLDR header with the columns source, paper_id and target", _index, missing);
        }
    }

    private protected override SummarizationRecord Map(ViewerCells cells)
    {
        var index = _index;
        var source = index[SummarizationColumns.Source];
        var target = index[SummarizationColumns.Target];
        return new SummarizationRecord
        {
            Source = index.IsList(source) ? cells.StringList(source) : [cells.String(source)],
            SourceLabels = index[SummarizationColumns.SourceLabels] is var labels and >= 0 ? cells.IntList(labels) : [],
            PaperId = cells.String(index[SummarizationColumns.PaperId]),
            Target = index.IsList(target) ? cells.StringList(target) : [cells.String(target)],
            Title = index[SummarizationColumns.Title] is var title and >= 0 ? cells.NullableString(title) : null,
            RougeScores = index[SummarizationColumns.RougeScores] is var rouge and >= 0 ? cells.DoubleList(rouge) : null,
            Shape = index.IsList(source) ? SummarizationShape.List : SummarizationShape.Flattened,
            ExtraFields = index.ExtraFields(cells),
        };
    }
}
