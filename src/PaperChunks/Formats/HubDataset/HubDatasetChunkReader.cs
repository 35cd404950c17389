using PaperChunks.Records;

namespace PaperChunks.Formats.HubDataset;

/// <summary>
/// Reads the chunk rows of one split of a dataset folder (<see cref="HubDatasetFolder"/>): each file in name
/// order, through the reader its format has, as one stream. Bad rows are the files' own errors, naming the file.
/// </summary>
internal sealed class HubDatasetChunkReader : RecordReader<ChunkRecord>
{
    private readonly IReadOnlyList<string> _files;
    private int _next;
    private RecordReader<ChunkRecord>? _current;
    private int _forwarded;

    /// <summary>Opens the split <see cref="ReaderOptions.Split"/> of <paramref name="folder"/> (or its only split).</summary>
    public HubDatasetChunkReader(string folder, ReaderOptions? options = null)
        : base(folder, options) => _files = HubDatasetFolder.Files(folder, Options.Split);

    /// <inheritdoc/>
    protected override ChunkRecord? ReadCore()
    {
        while (true)
        {
            if (_current is null)
            {
                if (_next == _files.Count)
                {
                    return null;
                }

                _current = PaperChunksReader.OpenChunks(_files[_next++], Options with { Split = null, SourceName = null });
                _forwarded = 0;
            }

            var record = _current.Read();
            Forward();
            if (record is not null)
            {
                CurrentLine = _current.CurrentLine;
                return record;
            }

            _current.Dispose();
            _current = null;
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<ChunkRecord?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadCore());
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
        }

        base.Dispose(disposing);
    }

    // Under skip-and-report a file's reader keeps its bad rows; they become this reader's, in order.
    private void Forward()
    {
        var errors = _current!.Errors;
        for (; _forwarded < errors.Count; _forwarded++)
        {
            ReportBadRow(errors[_forwarded]);
        }
    }
}
