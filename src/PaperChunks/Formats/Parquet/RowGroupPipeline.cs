using Parquet;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes row groups on a worker while the caller fills the next one: encoding and compressing a row group
/// costs about as much as parsing it, so on two cores the two overlap. At most two batches exist, the one
/// being filled and the one being written, which bounds memory at two row groups.
/// </summary>
internal sealed class RowGroupPipeline<TBatch> : IAsyncDisposable
    where TBatch : class, IRowGroupBatch
{
    private readonly Stream _output;
    private readonly string _outputName;
    private readonly Func<ParquetSchema> _schema;
    private readonly Func<ParquetSchema, ParquetOptions> _options;
    private readonly Func<TBatch> _newBatch;
    private readonly Func<IReadOnlyDictionary<string, string>?>? _metadata;
    private ParquetWriter? _writer;
    private TBatch? _spare;
    private Task _inFlight = Task.CompletedTask;

    // The schema is asked for once, when the first row group is written: a chunk file's schema follows its first row.
    public RowGroupPipeline(Stream output, string outputName, Func<ParquetSchema> schema, Func<ParquetSchema, ParquetOptions> options, Func<TBatch> newBatch, Func<IReadOnlyDictionary<string, string>?>? metadata = null)
    {
        _metadata = metadata;
        _output = output;
        _outputName = outputName;
        _schema = schema;
        _options = options;
        _newBatch = newBatch;
        Current = newBatch();
    }

    /// <summary>The batch being filled.</summary>
    public TBatch Current { get; private set; }

    /// <summary>Row groups handed to the worker so far.</summary>
    public int RowGroups { get; private set; }

    /// <summary>Hands the current batch to the worker (after the previous one is written) and starts a new one.</summary>
    public async ValueTask SubmitAsync(CancellationToken cancellationToken)
    {
        await _inFlight.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var full = Current;
        Current = _spare ?? _newBatch();
        _spare = null;
        RowGroups++;
        _inFlight = Task.Run(
            async () =>
            {
                await WriteAsync(full, cancellationToken).ConfigureAwait(false);
                full.Clear();
                _spare = full;
            },
            cancellationToken);
    }

    /// <summary>Writes what is left and the footer. The stream is then complete but not flushed or closed.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _inFlight.ConfigureAwait(false);
        if (Current.RowCount > 0 || RowGroups == 0)
        {
            RowGroups++;
            await WriteAsync(Current, cancellationToken).ConfigureAwait(false);
            Current.Clear();
        }

        try
        {
            await _writer!.DisposeAsync().ConfigureAwait(false);
            _writer = null;
        }
        catch (IOException e)
        {
            throw new PaperChunksOutputException(_outputName, $"cannot write the Parquet footer: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // A failed or cancelled write has already surfaced to the caller, or is being abandoned; either way
        // the worker must be finished before the output is deleted under it.
        await _inFlight.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Current.Dispose();
        _spare?.Dispose();
    }

    private async Task WriteAsync(TBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            if (_writer is null)
            {
                var schema = _schema();
                _writer = await ParquetWriter.CreateAsync(schema, _output, _options(schema), false, cancellationToken).ConfigureAwait(false);
                if (_metadata?.Invoke() is { } metadata)
                {
                    // Known with the schema (both follow the first row); written in the footer.
                    _writer.CustomMetadata = metadata;
                }
            }

            await batch.WriteAsync(_writer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new PaperChunksOutputException(_outputName, $"cannot write a row group: {e.Message}", e);
        }
    }
}
