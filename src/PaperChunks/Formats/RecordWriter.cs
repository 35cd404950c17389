namespace PaperChunks.Formats;

/// <summary>
/// Writes records to one output. Nothing is visible at the target path until <see cref="Complete"/>
/// (or <see cref="CompleteAsync"/>) succeeds; disposing without completing discards the output.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class RecordWriter<T> : IDisposable, IAsyncDisposable
    where T : class
{
    /// <summary>Records written so far.</summary>
    public long RecordsWritten { get; private set; }

    /// <summary>Whether the output has been completed and moved into place.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>Writes one record.</summary>
    /// <param name="record">The record.</param>
    public void Write(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfCompleted();
        WriteCore(record);
        RecordsWritten++;
    }

    /// <summary>Writes one record asynchronously.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops the write; the output is then discarded on dispose.</param>
    public async ValueTask WriteAsync(T record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfCompleted();
        await WriteCoreAsync(record, cancellationToken).ConfigureAwait(false);
        RecordsWritten++;
    }

    /// <summary>Writes every record of a stream, then completes the output.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Stops the write; nothing is left at the target.</param>
    public async ValueTask WriteAllAsync(IAsyncEnumerable<T> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await WriteAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes everything and moves the output into place.</summary>
    public void Complete()
    {
        ThrowIfCompleted();
        CompleteCore();
        IsCompleted = true;
    }

    /// <summary>Flushes everything and moves the output into place, asynchronously.</summary>
    /// <param name="cancellationToken">Stops the completion; the output is then discarded.</param>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCompleted();
        await CompleteCoreAsync(cancellationToken).ConfigureAwait(false);
        IsCompleted = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Subclasses release everything in Dispose(bool); DisposeAsyncCore is for work that must be awaited first.
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(true);
        GC.SuppressFinalize(this);
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

    /// <summary>Releases the output; an uncompleted output is discarded.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Releases the output asynchronously; an uncompleted output is discarded.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    private void ThrowIfCompleted()
    {
        if (IsCompleted)
        {
            throw new InvalidOperationException("The writer has already been completed.");
        }
    }
}
