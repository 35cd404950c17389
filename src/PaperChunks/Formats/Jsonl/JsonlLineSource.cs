namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// The lines of a JSON Lines input, one at a time: a plain file's through a memory mapping of it
/// (<see cref="JsonlMappedLineSource"/>), anything else's through one pooled buffer (<see cref="JsonlStreamLineSource"/>).
/// Either skips a leading UTF-8 BOM, strips a CR before LF, hands out blank lines for the caller to skip and
/// reports a line over <see cref="ReaderOptions.MaxRowBytes"/> as <see cref="Outcome.TooLong"/>, without its bytes.
/// </summary>
internal abstract class JsonlLineSource : IDisposable
{
    /// <summary>Result of one attempt: a line, an over-long line (skipped), or the end.</summary>
    public enum Outcome
    {
        Line,
        TooLong,
        End,
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; protected set; }

    /// <summary>Whether the line last returned ended at end of file without a newline.</summary>
    public bool LastLineUnterminated { get; protected set; }

    /// <summary>Bytes of the underlying (decompressed) stream consumed so far.</summary>
    public long BytesConsumed { get; protected set; }

    /// <summary>The bytes of the line last returned, without its line break; valid until the next call.</summary>
    public abstract ReadOnlySpan<byte> Line { get; }

    /// <summary>
    /// The lines of <paramref name="stream"/> from its position on: mapped when it is a plain file the
    /// reader opened (a <see cref="FileStream"/> or <see cref="FileRangeStream"/> that can seek), read otherwise.
    /// </summary>
    /// <param name="stream">The input, owned by the caller and disposed after the source.</param>
    /// <param name="maxRowBytes">The row limit (<see cref="ReaderOptions.MaxRowBytes"/>).</param>
    /// <param name="atFileStart">Whether the stream's position is the file's start (where a BOM may be).</param>
    public static JsonlLineSource Over(Stream stream, int maxRowBytes, bool atFileStart = true)
    {
        var mapped = stream switch
        {
            FileStream { CanSeek: true } file => JsonlMappedLineSource.TryMap(file.SafeFileHandle, file.Position, file.Length - file.Position, maxRowBytes, atFileStart),
            FileRangeStream range => JsonlMappedLineSource.TryMap(range.Handle, range.Offset, range.Remaining, maxRowBytes, atFileStart),
            _ => null,
        };
        return (JsonlLineSource?)mapped ?? new JsonlStreamLineSource(stream, maxRowBytes, atFileStart);
    }

    /// <summary>Moves to the next line (<see cref="Line"/>).</summary>
    public abstract Outcome Next();

    /// <summary>Moves to the next line (<see cref="Line"/>), reading asynchronously where the source reads.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    public abstract ValueTask<Outcome> NextAsync(CancellationToken cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the buffer or the mapping (never the stream).</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected abstract void Dispose(bool disposing);
}
