using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using PaperChunks.Formats;
using PaperChunks.Formats.Parquet;

namespace PaperChunks.Conversion;

/// <summary>
/// Reads records on the thread pool, a few batches ahead of the caller, so that reading (parsing, decompressing,
/// decoding Parquet pages) and writing (encoding, compressing) run on two cores at once. A Parquet file can be read
/// by two readers, one for its even and one for its odd row groups, so that one decodes a row group while the
/// other's is taken. Records come in input order, each with the line (or Parquet row) it was read from; a read
/// that fails (fail-fast, cancellation) throws at the caller after the records before it, as reading in place would.
/// </summary>
/// <remarks>
/// The readers belong to the background tasks until this is disposed: their errors and counts are read after
/// <see cref="ReadAsync"/> returned <see langword="false"/> or after disposal.
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class ReadAhead<T> : IAsyncDisposable
    where T : class
{
    private const int BatchSize = 256;
    private const int BatchesAhead = 4;

    private readonly RecordReader<T>? _inPlace;
    private readonly Source[] _sources;
    private readonly CancellationTokenSource _stop;
    private Batch? _batch;
    private int _next;
    private int _rowGroup;

    private ReadAhead(RecordReader<T>? inPlace, IReadOnlyList<RecordReader<T>> ahead, bool byRowGroup, CancellationToken cancellationToken)
    {
        _inPlace = inPlace;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _sources = [.. ahead.Select(r => new Source(r, byRowGroup, _stop.Token))];
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
        onAnotherThread ? new(null, [reader], false, cancellationToken) : new(reader, [], false, cancellationToken);

    /// <summary>
    /// Reads one Parquet file with two readers on the thread pool, <paramref name="even"/> taking its row groups 0, 2,
    /// 4 … and <paramref name="odd"/> 1, 3, 5 …, and gives their records in the file's order.
    /// </summary>
    /// <param name="even">A reader of the file, not yet read; the caller still disposes it, after this.</param>
    /// <param name="odd">Another reader of the same file.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static ReadAhead<T> ByRowGroup(ParquetRecordReader<T> even, ParquetRecordReader<T> odd, CancellationToken cancellationToken)
    {
        even.SelectRowGroups(0, 2);
        odd.SelectRowGroups(1, 2);
        return new(null, [even, odd], true, cancellationToken);
    }

    /// <summary>Moves to the next record.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="PaperChunksFormatException">A reader failed on the row after the last record given.</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (_inPlace is not null)
        {
            if (await _inPlace.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } record)
            {
                return false;
            }

            (Current, CurrentLine) = (record, _inPlace.CurrentLine);
            return true;
        }

        while (_batch is null || _next == _batch.Count)
        {
            if (!await NextBatchAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        (Current, CurrentLine) = (_batch.Records[_next], _batch.Lines[_next]);
        _next++;
        return true;
    }

    /// <summary>Stops the background reading and waits for it, so that the readers can be disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var source in _sources)
        {
            await source.StopAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    // One reader's batches in turn; for two, the batches of row group g come from reader g % 2, and a reader's next
    // batch of a later row group (or its end) says that it has no more of g.
    private async ValueTask<bool> NextBatchAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var source = _sources[_rowGroup % _sources.Length];
            var head = await source.PeekAsync(cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                // A failure in this row group (or before the first) comes now; one in a later row group of this reader
                // after the other reader's row groups before it.
                var ended = _sources.All(s => s.Ended);
                if (source.Failure is { } failure && (source.FailedRowGroup <= _rowGroup || ended))
                {
                    failure.Throw();
                }

                if (ended)
                {
                    _sources.Where(s => s.Failure is not null).MinBy(s => s.FailedRowGroup)?.Failure!.Throw();
                    return false;
                }

                _rowGroup++;
                continue;
            }

            if (_sources.Length > 1 && head.RowGroup > _rowGroup)
            {
                _rowGroup++;
                continue;
            }

            source.Take();
            (_batch, _next) = (head, 0);
            return true;
        }
    }

    /// <summary>One reader on the thread pool and the batches it has read.</summary>
    private sealed class Source
    {
        private readonly Channel<Batch> _batches = Channel.CreateBounded<Batch>(
            new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });

        private readonly Task _producer;
        private int _rowGroup = -1;

        public Source(RecordReader<T> reader, bool byRowGroup, CancellationToken cancellationToken)
        {
            _producer = Task.Run(() => ProduceAsync(reader, byRowGroup, cancellationToken), CancellationToken.None);
        }

        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>The row group being read when the reader failed (-1: before the first).</summary>
        public int FailedRowGroup { get; private set; }

        /// <summary>Whether every batch has been taken and the reader is done.</summary>
        public bool Ended => _batches.Reader.Completion.IsCompleted;

        /// <summary>The next batch, left in place; <see langword="null"/> at the reader's end.</summary>
        public async ValueTask<Batch?> PeekAsync(CancellationToken cancellationToken)
        {
            Batch? batch;
            while (!_batches.Reader.TryPeek(out batch))
            {
                if (!await _batches.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            return batch;
        }

        public void Take() => _batches.Reader.TryRead(out _);

        public async Task StopAsync()
        {
            while (_batches.Reader.TryRead(out _))
            {
                // Frees a producer waiting for room.
            }

            await _producer.ConfigureAwait(false);
        }

        private async Task ProduceAsync(RecordReader<T> reader, bool byRowGroup, CancellationToken cancellationToken)
        {
            var batch = new Batch(_rowGroup);
            if (byRowGroup)
            {
                // Each batch holds one row group's records, and an empty one is sent as a row group is loaded, so that
                // the caller learns at once that this reader has moved past the row groups before it.
                ((ParquetRecordReader<T>)reader).RowGroupStarting = async index =>
                {
                    if (batch.Count > 0)
                    {
                        await _batches.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    }

                    _rowGroup = index;
                    await _batches.Writer.WriteAsync(new Batch(index), cancellationToken).ConfigureAwait(false);
                    batch = new Batch(index);
                };
            }

            try
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
                {
                    batch.Add(record, reader.CurrentLine);
                    if (batch.Count == BatchSize)
                    {
                        await _batches.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                        batch = new Batch(_rowGroup);
                    }
                }
            }
            catch (Exception e)
            {
                // Kept for the caller, who meets it after the records read before it, the last batch's too.
                (Failure, FailedRowGroup) = (ExceptionDispatchInfo.Capture(e), _rowGroup);
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
    }

    private sealed class Batch(int rowGroup)
    {
        public int RowGroup { get; } = rowGroup;

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
