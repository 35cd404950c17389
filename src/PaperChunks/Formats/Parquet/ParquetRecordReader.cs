using Parquet;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Base of the Parquet readers: opens the file (footer first), checks its schema once, then reads one row
/// group at a time. Parquet has no lines: <see cref="RecordReader{T}.CurrentLine"/> is the 1-based row.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class ParquetRecordReader<T> : RecordReader<T>
    where T : class
{
    private readonly ParquetInput _input;
    private bool _opened;

    // Under ReaderOptions.Shard, from a bucketed dataset's footer: every row is this shard's (true), none is (false),
    // or the file does not say (null, each row checked).
    private bool? _ownRows;

    private protected ParquetRecordReader(string path, ReaderOptions? options)
        : base(path, options) => _input = ParquetInput.OpenFile(path, Options, (reason, e) => FormatError(0, 0, null, reason, e));

    private protected ParquetRecordReader(Stream input, ReaderOptions? options)
        : base(options?.SourceName ?? "<stream>", options) => _input = ParquetInput.OfStream(input, Options);

    /// <summary>Rows in the file, known once the first row has been read (its footer says).</summary>
    public long? TotalRows => _input.Reader?.Metadata?.NumRows;

    /// <summary>The file's key-value metadata (empty before the file is opened).</summary>
    private protected IReadOnlyDictionary<string, string> FileMetadata =>
        (IReadOnlyDictionary<string, string>?)_input.Reader?.CustomMetadata ?? new Dictionary<string, string>();

    /// <summary>1-based number of the current row across the file.</summary>
    private protected long Row => _input.Row;

    /// <summary>
    /// Reads only the row groups whose index modulo <paramref name="step"/> is <paramref name="offset"/>, so that
    /// several readers of one file decode its row groups in parallel (rows keep their numbers in the file).
    /// Set before the first read.
    /// </summary>
    internal void SelectRowGroups(int offset, int step) => _input.Selection = (offset, step);

    /// <summary>Called, on the reading thread, with a row group's index before it is loaded.</summary>
    internal Func<int, ValueTask>? RowGroupStarting
    {
        set => _input.RowGroupStarting = value;
    }

    /// <inheritdoc/>
    protected sealed override T? ReadCore() => ReadCoreAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected sealed override async ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            var reader = await _input.OpenAsync((reason, e) => FormatError(0, 0, null, reason, e), cancellationToken).ConfigureAwait(false);
            if (DuplicateName(reader.Schema) is { } duplicate)
            {
                // A damaged footer can name two columns alike (long fuzz run, seed 9QdRcLxUmj41); the readers bind by name.
                throw FormatError(0, 0, duplicate, "expected one column of each name, found two with this name; the file is corrupt");
            }

            Bind(reader.Schema);
            _opened = true;
            _ownRows = Options.Shard is { } shard && FileBucket.Of(FileMetadata) is { } bucket ? bucket.HoldsOnly(shard) : null;
        }

        if (_ownRows == false)
        {
            return null;
        }

        while (await _input.NextRowAsync(rowGroup => LoadAsync(rowGroup, cancellationToken), (reason, e) => FormatError(_input.Row + 1, 0, null, reason, e), cancellationToken).ConfigureAwait(false))
        {
            CurrentLine = _input.Row;
            if (_ownRows == true)
            {
                // A bad row of this file is this shard's to report, as no other shard reads the file.
                RowBucket = Options.Shard!.Index;
            }

            if (NextRow() is { } record)
            {
                return record;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReleaseColumns();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string? DuplicateName(ParquetSchema schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            if (!names.Add(field.Name))
            {
                return field.Name;
            }
        }

        return null;
    }

    /// <summary>Checks the file's schema and sets up a cursor per column; throws a located error if it cannot be read.</summary>
    private protected abstract void Bind(ParquetSchema schema);

    /// <summary>Loads every cursor's column of the next row group.</summary>
    private protected abstract ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken);

    /// <summary>Advances every cursor one row; null (after reporting it) when the row is unusable.</summary>
    private protected abstract T? NextRow();

    /// <summary>Releases the cursors' column data.</summary>
    private protected abstract void ReleaseColumns();
}
