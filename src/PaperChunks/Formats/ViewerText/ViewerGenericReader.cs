using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Reads a dataset-viewer copy of any column set as <see cref="GenericRecord"/> rows: each cell as JSON
/// typed by its column (strings, integers, numbers, JSON lists, <c>null</c>), in header order.
/// </summary>
internal sealed class ViewerGenericReader : ViewerReader<GenericRecord>
{
    private IReadOnlyList<ViewerColumn> _columns = [];

    /// <summary>Opens a file (plain, <c>.gz</c> or <c>.zst</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened.</exception>
    public ViewerGenericReader(string path, ReaderOptions? options = null, ViewerLayout? layout = null)
        : base(path, options, layout)
    {
    }

    /// <summary>Reads from a stream.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    /// <param name="layout">The layout, or <see langword="null"/> to detect it from the header.</param>
    public ViewerGenericReader(Stream stream, ReaderOptions? options = null, ViewerLayout? layout = null)
        : base(stream, options, layout)
    {
    }

    private protected override void UseColumns(IReadOnlyList<ViewerColumn> columns, long headerLine) => _columns = columns;

    private protected override GenericRecord Map(ViewerCells cells)
    {
        var fields = new ExtraField[_columns.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new ExtraField(_columns[i].Name, cells.Json(i));
        }

        return new GenericRecord { Fields = fields };
    }
}
