namespace PaperChunks.Formats;

/// <summary>
/// Base of the readers of line-oriented text dumps (dataset-viewer copies, saved web pages): opens the
/// input (plain, <c>.gz</c> or <c>.zst</c>), feeds it line by line to the derived reader's parser and
/// hands out the records it completes, synchronously or asynchronously with the same rules.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class TextRecordReader<T> : RecordReader<T>
    where T : class
{
    private readonly TextLineSource _lines;
    private bool _ended;

    /// <summary>Opens a file; compression is chosen by extension and confirmed by magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    private protected TextRecordReader(string path, ReaderOptions? options)
        : base(path, options) =>
        _lines = new TextLineSource(CompressedStreams.OpenRead(path, Options), SourceName, Options.MaxRowBytes);

    /// <summary>Reads from a stream; gzip or zstd content is detected from its magic bytes when the stream can seek.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    private protected TextRecordReader(Stream stream, ReaderOptions? options)
        : base(options?.SourceName ?? "<stream>", options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var input = stream.CanSeek ? CompressedStreams.Decompress(stream, SourceName, StreamCompression.None, Options) : stream;
        _lines = new TextLineSource(input, SourceName, Options.MaxRowBytes);
    }

    /// <summary>Whether the input's last line ended in a line break (true for an empty input); meaningful once the end is reached.</summary>
    private protected bool LastLineHadBreak => _lines.LineNumber == 0 || _lines.LineHadBreak;

    /// <summary>Takes the next line of the input.</summary>
    private protected abstract void OnLine(string line, long lineNumber);

    /// <summary>Takes the end of the input (after <paramref name="lastLine"/> lines).</summary>
    private protected abstract void OnEnd(long lastLine);

    /// <summary>The next record the lines so far have completed, reporting bad rows on the way; <see langword="null"/> when none is ready.</summary>
    private protected abstract T? TakeCompleted();

    /// <inheritdoc/>
    protected sealed override T? ReadCore()
    {
        while (true)
        {
            if (TakeCompleted() is { } record)
            {
                return record;
            }

            if (_ended)
            {
                return null;
            }

            Feed(_lines.ReadLine());
        }
    }

    /// <inheritdoc/>
    protected sealed override async ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TakeCompleted() is { } record)
            {
                return record;
            }

            if (_ended)
            {
                return null;
            }

            Feed(await _lines.ReadLineAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Feed(string? line)
    {
        if (line is null)
        {
            _ended = true;
            OnEnd(_lines.LineNumber);
        }
        else
        {
            OnLine(line, _lines.LineNumber);
        }
    }
}
