using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// What every Parquet record writer does the same way: a path output through <see cref="AtomicOutputFile"/>
/// or a caller's stream, rows buffered in a batch, a row group handed to the <see cref="RowGroupPipeline{TBatch}"/>
/// once the batch reaches the size limits, and the file discarded unless completed.
/// </summary>
internal sealed class ParquetFileOutput<T, TBatch> : IParquetOutput<T>
    where TBatch : class, IRowGroupBatch<T>
{
    private readonly AtomicOutputFile? _file;
    private readonly RowGroupPipeline<TBatch> _pipeline;
    private readonly ParquetWriterOptions _options;
    private readonly Stream? _ownedStream;
    private bool _released;

    public ParquetFileOutput(string? path, Stream? stream, ParquetSchema schema, ParquetWriterOptions options, WriterOptions writer, Func<TBatch> newBatch)
        : this(path, stream, () => schema, options, writer, newBatch)
    {
    }

    // The schema is asked for when the first row group is written, after the first rows are in.
    public ParquetFileOutput(string? path, Stream? stream, Func<ParquetSchema> schema, ParquetWriterOptions options, WriterOptions writer, Func<TBatch> newBatch, Func<IReadOnlyDictionary<string, string>?>? metadata = null)
    {
        _options = options;
        Target = path ?? "<stream>";
        _file = path is null ? null : AtomicOutputFile.Create(path, writer.Overwrite);
        _ownedStream = path is null && !writer.LeaveOpen ? stream : null;
        _pipeline = new RowGroupPipeline<TBatch>(
            _file?.Stream ?? stream!, path ?? "<stream>", schema, s => options.ToParquetNet(s.GetDataFields()), newBatch, metadata);
    }

    /// <summary>The path as the caller named it, or <c>&lt;stream&gt;</c>.</summary>
    public string Target { get; }

    /// <summary>Bytes of rows held for the row group being filled.</summary>
    public long BufferedBytes => _pipeline.Current.Bytes;

    /// <summary>Uncompressed bytes of the rows added so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Adds a row to the batch being filled and hands the batch over when it is full.</summary>
    public ValueTask WriteAsync(T record, CancellationToken cancellationToken)
    {
        var batch = _pipeline.Current;
        var bytesBefore = batch.Bytes;
        batch.Add(record);
        BytesWritten += batch.Bytes - bytesBefore;
        return batch.Bytes >= _options.RowGroupBytesOrDefault || batch.RowCount >= _options.RowGroupRows
            ? _pipeline.SubmitAsync(cancellationToken)
            : ValueTask.CompletedTask;
    }

    /// <summary>Closes the row group being filled early.</summary>
    public ValueTask FlushRowGroupAsync(CancellationToken cancellationToken) =>
        _pipeline.Current.RowCount == 0 ? ValueTask.CompletedTask : _pipeline.SubmitAsync(cancellationToken);

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _pipeline.CompleteAsync(cancellationToken).ConfigureAwait(false);
        _file?.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        await _pipeline.DisposeAsync().ConfigureAwait(false);
        _file?.Dispose();
        if (_ownedStream is not null)
        {
            await _ownedStream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
