using PaperChunks.Records;

namespace PaperChunks.Formats.ShortScience;

/// <summary>
/// Reads the entries of a ShortScience page copy (the page's text saved as plain text, optionally
/// <c>.gz</c> or <c>.zst</c>) as <see cref="PaperSummaryRecord"/>s. The site blurb before the first
/// entry and the page's closing <c>About</c> are skipped; an entry that does not have the page's shape
/// is a bad row (see <see cref="ErrorPolicy"/>).
/// </summary>
internal sealed class ShortScienceReader : TextRecordReader<PaperSummaryRecord>
{
    private readonly ShortScienceParser _parser = new();
    private readonly List<ShortScienceOutput> _pending = [];
    private int _next;

    /// <summary>Opens a file; compression is chosen by extension and confirmed by magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    public ShortScienceReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads from a stream; gzip or zstd content is detected from its magic bytes when the stream can seek.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public ShortScienceReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override void OnLine(string line, long lineNumber) => _parser.Push(line, lineNumber, _pending);

    private protected override void OnEnd(long lastLine) => _parser.Complete(_pending);

    private protected override PaperSummaryRecord? TakeCompleted()
    {
        while (_next < _pending.Count)
        {
            var output = _pending[_next++];
            if (output.Record is { } record)
            {
                CurrentLine = output.Line;
                return record;
            }

            ReportBadRow(FormatError(output.Line, 0, output.Field, output.Reason!));
        }

        _pending.Clear();
        _next = 0;
        return null;
    }
}
