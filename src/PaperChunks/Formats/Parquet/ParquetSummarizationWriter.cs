using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes SciTLDR summarization rows to one Parquet file in the Hugging Face export's schema: in the list
/// shape <c>source</c> and <c>target</c> are lists of sentences, in the flattened shape one string each;
/// <c>source_labels</c> list&lt;int64&gt;, <c>rouge_scores</c> list&lt;double&gt; (null when a record has
/// none), <c>paper_id</c> and <c>title</c> strings. A path output appears only on completion.
/// </summary>
public sealed class ParquetSummarizationWriter : RecordWriter<SummarizationRecord>
{
    private readonly ParquetFileOutput<SummarizationColumnBatch> _output;

    /// <summary>Writes to a file, through a temporary file beside it.</summary>
    /// <param name="path">The target <c>.parquet</c> path.</param>
    /// <param name="shape">The on-disk shape of <c>source</c> and <c>target</c>.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public ParquetSummarizationWriter(
        string path, SummarizationShape shape = SummarizationShape.List, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _output = new(path, null, SummarizationParquetSchema.For(shape), Validated(parquetOptions), (options ?? WriterOptions.Default).Overwrite, () => new SummarizationColumnBatch(shape));
    }

    /// <summary>Writes to a stream the caller owns; it must be writable (and is left open).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="shape">The on-disk shape of <c>source</c> and <c>target</c>.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    public ParquetSummarizationWriter(Stream output, SummarizationShape shape = SummarizationShape.List, ParquetWriterOptions? parquetOptions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = new(null, output, SummarizationParquetSchema.For(shape), Validated(parquetOptions), false, () => new SummarizationColumnBatch(shape));
    }

    /// <inheritdoc/>
    protected override void WriteCore(SummarizationRecord record) =>
        WriteCoreAsync(record, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override ValueTask WriteCoreAsync(SummarizationRecord record, CancellationToken cancellationToken)
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
            throw new ArgumentException("Sharding and partitioning apply to chunk rows only.", nameof(options));
        }

        // The chunk columns' dictionary defaults name no summarization column: only ask for what exists here.
        return options;
    }
}
