using System.Globalization;

namespace PaperChunks.Formats;

/// <summary>
/// Writes records to one output. Nothing is visible at the target path until the output is completed:
/// by <see cref="Complete"/> / <see cref="CompleteAsync"/>, or by disposing the writer, as with CsvHelper,
/// Parquet.Net and <c>Utf8JsonWriter</c>.
/// </summary>
/// <remarks>
/// <para>The rule on dispose: an uncompleted output is <b>completed</b>, unless a write or the completion
/// failed (any exception from this writer, cancellation included), the last cancellation token passed to a
/// write was cancelled, or <see cref="Abort"/> was called; then it is <b>discarded</b> (the temporary file
/// removed, an existing output untouched). A failure while completing on dispose is thrown from dispose, so
/// output is never lost without an exception.</para>
/// <para>Code that reads while it writes should call <see cref="Abort"/> when the reading fails, or use
/// <see cref="WriteAll"/> / <see cref="WriteAllAsync(IAsyncEnumerable{T}, CancellationToken)"/>, which do so; otherwise the rows written before the
/// failure are kept as the output.</para>
/// <para>A string that is not well-formed UTF-16 (a surrogate without its partner) cannot be stored in any
/// output format (all are UTF-8): the write throws <see cref="PaperChunksOutputException"/> naming the record
/// and field, and nothing of that record is written.</para>
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
public abstract class RecordWriter<T> : IDisposable, IAsyncDisposable
    where T : class
{
    private bool _failed;
    private bool _disposed;
    private CancellationToken _lastToken;

    /// <summary>Records written so far.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Whether the output has been completed and moved into place.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>Whether the output was discarded: by <see cref="Abort"/>, or on dispose after a failed write.</summary>
    public bool IsDiscarded { get; private set; }

    /// <summary>The output as the caller named it, for messages.</summary>
    private protected virtual string OutputName => "the output";

    /// <summary>Writes one record.</summary>
    /// <param name="record">The record.</param>
    /// <exception cref="PaperChunksOutputException">A string of the record is not well-formed UTF-16, or the output cannot be written.</exception>
    public void Write(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfClosed();
        try
        {
            ThrowIfUnpaired(record);
            WriteCore(record);
        }
        catch
        {
            _failed = true;
            throw;
        }

        RecordsWritten++;
    }

    /// <summary>Writes one record asynchronously.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops the write; the output is then discarded on dispose.</param>
    /// <exception cref="PaperChunksOutputException">A string of the record is not well-formed UTF-16, or the output cannot be written.</exception>
    public async ValueTask WriteAsync(T record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfClosed();
        _lastToken = cancellationToken;
        try
        {
            ThrowIfUnpaired(record);
            await WriteCoreAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _failed = true;
            throw;
        }

        RecordsWritten++;
    }

    /// <summary>Writes every record of a sequence, then completes the output; if the sequence throws, the output is discarded.</summary>
    /// <param name="records">The records.</param>
    public void WriteAll(IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            foreach (var record in records)
            {
                Write(record);
            }
        }
        catch
        {
            Abort();
            throw;
        }

        Complete();
    }

    /// <summary>Writes every record of a stream, then completes the output; if the stream throws or is cancelled, nothing is left at the target.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Stops the write; nothing is left at the target.</param>
    public async ValueTask WriteAllAsync(IAsyncEnumerable<T> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Abort();
            throw;
        }

        await CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes every record of a sequence asynchronously, then completes the output; if the sequence throws, the output is discarded.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Stops the write; nothing is left at the target.</param>
    public async ValueTask WriteAllAsync(IEnumerable<T> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            foreach (var record in records)
            {
                await WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            Abort();
            throw;
        }

        await CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes everything and moves the output into place.</summary>
    /// <exception cref="PaperChunksOutputException">The output cannot be written or moved into place; it is then discarded.</exception>
    public void Complete()
    {
        ThrowIfClosed();
        try
        {
            CompleteCore();
        }
        catch
        {
            _failed = true;
            throw;
        }

        IsCompleted = true;
    }

    /// <summary>Flushes everything and moves the output into place, asynchronously.</summary>
    /// <param name="cancellationToken">Stops the completion; the output is then discarded.</param>
    /// <exception cref="PaperChunksOutputException">The output cannot be written or moved into place; it is then discarded.</exception>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        try
        {
            await CompleteCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _failed = true;
            throw;
        }

        IsCompleted = true;
    }

    /// <summary>
    /// Discards the output now: the temporary file is removed and an existing output stays untouched. The writer
    /// accepts nothing afterwards; disposing it does nothing more. Does nothing once the output is completed.
    /// </summary>
    public void Abort()
    {
        if (_disposed || IsCompleted)
        {
            return;
        }

        IsDiscarded = true;
        _disposed = true;
        Dispose(true);
    }

    /// <summary>Completes the output unless a write failed, the writer was cancelled or aborted (see the remarks), then releases it.</summary>
    /// <exception cref="PaperChunksOutputException">Completing the output failed; it was discarded.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (CommitsOnDispose)
            {
                Complete();
            }
        }
        finally
        {
            IsDiscarded = !IsCompleted;
            _disposed = true;
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Completes the output unless a write failed, the writer was cancelled or aborted (see the remarks), then releases it.</summary>
    /// <exception cref="PaperChunksOutputException">Completing the output failed; it was discarded.</exception>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (CommitsOnDispose)
            {
                await CompleteAsync(_lastToken).ConfigureAwait(false);
            }
        }
        finally
        {
            IsDiscarded = !IsCompleted;
            _disposed = true;
            // Subclasses release everything in Dispose(bool); DisposeAsyncCore is for work that must be awaited first.
            await DisposeAsyncCore().ConfigureAwait(false);
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Writes one record.</summary>
    /// <param name="record">The record.</param>
    protected abstract void WriteCore(T record);

    /// <summary>Writes one record asynchronously.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    protected abstract ValueTask WriteCoreAsync(T record, CancellationToken cancellationToken);

    /// <summary>Flushes and commits the output.</summary>
    protected abstract void CompleteCore();

    /// <summary>Flushes and commits the output asynchronously.</summary>
    /// <param name="cancellationToken">Stops the completion.</param>
    protected abstract ValueTask CompleteCoreAsync(CancellationToken cancellationToken);

    /// <summary>Releases the output; an output not completed by then is discarded (the base class completes it first when the rule says so).</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Releases the output asynchronously; an output not completed by then is discarded.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private bool CommitsOnDispose => !IsCompleted && !IsDiscarded && !_failed && !_lastToken.IsCancellationRequested;

    private void ThrowIfUnpaired(T record)
    {
        if (RecordText.FindUnpaired(record) is not { } found)
        {
            return;
        }

        var row = RecordsWritten + 1;
        throw new PaperChunksOutputException(OutputName, string.Create(
            CultureInfo.InvariantCulture,
            $"record {row}, field \"{found.Field}\": a lone surrogate (U+{(int)found.Char:X4}) at character {found.Offset + 1}, which UTF-8 cannot store; the record was not written"));
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsCompleted)
        {
            throw new InvalidOperationException("The writer has already been completed.");
        }
    }
}
