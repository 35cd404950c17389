using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using PaperChunks.Formats;

namespace PaperChunks.Conversion;

/// <summary>
/// Reads a reader's records on the thread pool, a few batches ahead of the caller, so that reading (parsing,
/// decompressing, decoding Parquet pages) and writing (encoding, compressing) run on two cores at once.
/// Records come in input order, each with the line (or Parquet row) it was read from; a read that fails
/// (fail-fast, cancellation) throws at the caller after the records before it, as reading in place would.
/// </summary>
/// <remarks>
/// The reader belongs to the background task until this is disposed: its errors and counts are read after
/// <see cref="ReadAsync"/> returned <see langword="false"/> or after disposal.
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class ReadAhead<T> : IAsyncDisposable
    where T : class
{
    private const int BatchSize = 256;
    private const int BatchesAhead = 4;

    private readonly Channel<Batch> _batches = Channel.CreateBounded<Batch>(
        new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });

    private readonly RecordReader<T> _reader;
    private readonly CancellationTokenSource? _stop;
    private readonly Task? _producer;
    private ExceptionDispatchInfo? _failure;
    private Batch? _batch;
    private int _next;

    private ReadAhead(RecordReader<T> reader, bool onAnotherThread, CancellationToken cancellationToken)
    {
        _reader = reader;
        if (onAnotherThread)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _producer = Task.Run(() => ProduceAsync(reader, _stop.Token), CancellationToken.None);
        }
    }

    /// <summary>The record <see cref="ReadAsync"/> last gave.</summary>
    public T Current { get; private set; } = null!;

    /// <summary>The line (or row) <see cref="Current"/> was read from, as <see cref="RecordReader{T}.CurrentLine"/> said then.</summary>
    public long CurrentLine { get; private set; }

    /// <summary>
    /// Reads ahead on another thread when the reader may use more than one
    /// (<see cref="ReaderOptions.MaxDegreeOfParallelism"/>) and does not already (JSON Lines parses in blocks
    /// on every core), or in place, on the caller's thread, otherwise.
    /// </summary>
    /// <param name="reader">The reader; the caller still disposes it, after this.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static ReadAhead<T> Start(RecordReader<T> reader, CancellationToken cancellationToken) =>
        Start(reader, reader.Options.MaxDegreeOfParallelism > 1 && !reader.ParsesInParallel, cancellationToken);

    /// <summary>Reads ahead on another thread, or in place.</summary>
    /// <param name="reader">The reader; the caller still disposes it, after this.</param>
    /// <param name="onAnotherThread">Whether to read on the thread pool.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static ReadAhead<T> Start(RecordReader<T> reader, bool onAnotherThread, CancellationToken cancellationToken) =>
        new(reader, onAnotherThread, cancellationToken);

    /// <summary>Moves to the next record.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="PaperChunksFormatException">The reader failed on the row after the last record given.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (_producer is null)
        {
            if (await _reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } record)
            {
                return false;
            }

            (Current, CurrentLine) = (record, _reader.CurrentLine);
            return true;
        }

        while (_batch is null || _next == _batch.Count)
        {
            if (!await _batches.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _failure?.Throw();
                return false;
            }

            _batches.Reader.TryRead(out _batch);
            _next = 0;
        }

        (Current, CurrentLine) = (_batch.Records[_next], _batch.Lines[_next]);
        _next++;
        return true;
    }

    /// <summary>Stops the background reading and waits for it, so that the reader can be disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_producer is null || _stop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        while (_batches.Reader.TryRead(out _))
        {
            // Frees a producer waiting for room.
        }

        await _producer.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ProduceAsync(RecordReader<T> reader, CancellationToken cancellationToken)
    {
        var batch = new Batch();
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
            {
                batch.Add(record, reader.CurrentLine);
                if (batch.Count == BatchSize)
                {
                    await _batches.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new Batch();
                }
            }
        }
        catch (Exception e)
        {
            // Kept for the caller, who meets it after the records read before it, the last batch's too.
            _failure = ExceptionDispatchInfo.Capture(e);
        }

        try
        {
            if (batch.Count > 0)
            {
                await _batches.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: nobody takes the rest.
        }
        finally
        {
            _batches.Writer.Complete();
        }
    }

    private sealed class Batch
    {
        public T[] Records { get; } = new T[BatchSize];

        public long[] Lines { get; } = new long[BatchSize];

        public int Count { get; private set; }

        public void Add(T record, long line)
        {
            Records[Count] = record;
            Lines[Count] = line;
            Count++;
        }
    }
}
