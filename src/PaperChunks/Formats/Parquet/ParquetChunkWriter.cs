using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes chunk rows to one Parquet file in the Hugging Face export's schema (see <see cref="ChunkColumns"/>).
/// Rows are buffered column by column and written a row group at a time while the next one fills; a
/// path output appears only on <see cref="RecordWriter{T}.Complete"/>. <see cref="ChunkRecord.ExtraFields"/>
/// have no column and are not written.
/// </summary>
public sealed class ParquetChunkWriter : RecordWriter<ChunkRecord>
{
    private readonly ParquetFileOutput<ChunkColumnBatch> _output;

    /// <summary>Writes to a file, through a temporary file beside it.</summary>
    /// <param name="path">The target <c>.parquet</c> path.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public ParquetChunkWriter(string path, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _output = new(path, null, ChunkParquetSchema.Schema, Validated(parquetOptions), (options ?? WriterOptions.Default).Overwrite, () => new ChunkColumnBatch());
    }

    /// <summary>Writes to a stream the caller owns; it must be writable (and is left open).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    public ParquetChunkWriter(Stream output, ParquetWriterOptions? parquetOptions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = new(null, output, ChunkParquetSchema.Schema, Validated(parquetOptions), false, () => new ChunkColumnBatch());
    }

    /// <summary>Uncompressed bytes of the rows written so far (the measure row groups and shards are cut by).</summary>
    public long BytesWritten => _output.BytesWritten;

    /// <summary>Bytes of rows held for the row group being filled.</summary>
    internal long BufferedBytes => _output.Current.Bytes;

    /// <summary>Closes the row group being filled early (a dataset writer does this to bound memory across partitions).</summary>
    internal ValueTask FlushRowGroupAsync(CancellationToken cancellationToken) => _output.FlushRowGroupAsync(cancellationToken);

    /// <summary>A shard of a dataset: the dataset writer has validated the options and strips the folder-only ones.</summary>
    internal static ParquetChunkWriter ForShard(string path, ParquetWriterOptions options) =>
        new(path, options with { ShardRows = null, ShardBytes = null, PartitionBy = null }, new WriterOptions { Overwrite = false });

    /// <inheritdoc/>
    protected override void WriteCore(ChunkRecord record) =>
        WriteCoreAsync(record, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override ValueTask WriteCoreAsync(ChunkRecord record, CancellationToken cancellationToken)
    {
        var before = _output.Current.Bytes;
        _output.Current.Add(record);
        return _output.AddedAsync(before, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void CompleteCore() => CompleteCoreAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override ValueTask CompleteCoreAsync(CancellationToken cancellationToken) => _output.CompleteAsync(cancellationToken);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _output.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        await _output.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    private static ParquetWriterOptions Validated(ParquetWriterOptions? options)
    {
        options ??= ParquetWriterOptions.Default;
        options.Validate();
        if (options.ShardRows is not null || options.ShardBytes is not null || options.PartitionBy is not null)
        {
            throw new ArgumentException("Sharding and partitioning need a folder output; use ParquetChunkDatasetWriter.", nameof(options));
        }

        return options;
    }
}
