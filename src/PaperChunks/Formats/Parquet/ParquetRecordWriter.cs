namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Base of the Parquet writers: rows are buffered column by column and written a row group at a time while
/// the next one fills; a path output appears only on completion and is discarded otherwise.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class ParquetRecordWriter<T> : RecordWriter<T>
    where T : class
{
    private protected ParquetRecordWriter(IParquetOutput<T> output) => Output = output;

    /// <summary>Uncompressed bytes of the rows written so far (the measure row groups and shards are cut by).</summary>
    public long BytesWritten => Output.BytesWritten;

    private protected IParquetOutput<T> Output { get; }

    /// <inheritdoc/>
    private protected override string OutputName => Output.Target;

    /// <inheritdoc/>
    protected sealed override void WriteCore(T record) =>
        Output.WriteAsync(record, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected sealed override ValueTask WriteCoreAsync(T record, CancellationToken cancellationToken) =>
        Output.WriteAsync(record, cancellationToken);

    /// <inheritdoc/>
    protected sealed override void CompleteCore() => Output.CompleteAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected sealed override ValueTask CompleteCoreAsync(CancellationToken cancellationToken) => Output.CompleteAsync(cancellationToken);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Output.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        await Output.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private protected static ParquetWriterOptions SingleFile(ParquetWriterOptions? options, string useInstead)
    {
        options ??= ParquetWriterOptions.Default;
        options.Validate();
        if (options.WritesFolder)
        {
            throw new ArgumentException($"Sharding, partitioning and a dataset card need a folder output; {useInstead}.", nameof(options));
        }

        return options;
    }
}
