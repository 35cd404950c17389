using System.Runtime.CompilerServices;
using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// A forward-only stream of records from one input, synchronous or asynchronous. Under
/// <see cref="ErrorPolicy.SkipAndReport"/> bad rows are skipped and collected in <see cref="Errors"/>.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class RecordReader<T> : IDisposable, IAsyncDisposable
    where T : class
{
    private readonly List<PaperChunksFormatException> _errors = [];
    private readonly RecentBucket _recentBucket = new();
    private long _currentLine;

    /// <summary>Creates a reader; the options are validated here, once.</summary>
    /// <param name="sourceName">The input's name for error messages (a path as given).</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    protected RecordReader(string sourceName, ReaderOptions? options)
    {
        Options = options ?? ReaderOptions.Default;
        Options.Validate();
        SourceName = Options.SourceName ?? sourceName;
    }

    /// <summary>The settings this reader runs with.</summary>
    public ReaderOptions Options { get; }

    /// <summary>The input's name as used in error messages.</summary>
    public string SourceName { get; }

    /// <summary>Records returned so far.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Bad rows skipped so far (exact, even beyond <see cref="ReaderOptions.MaxKeptErrors"/>).</summary>
    public long ErrorCount { get; private set; }

    /// <summary>The errors of skipped rows, in input order, up to <see cref="ReaderOptions.MaxKeptErrors"/>.</summary>
    public IReadOnlyList<PaperChunksFormatException> Errors => _errors;

    /// <summary>
    /// 1-based line on which the record last returned starts, for formats with lines; for Parquet the
    /// 1-based row number.
    /// </summary>
    public long CurrentLine
    {
        get => _currentLine + (_currentLine > 0 ? LinesBeforeInput : 0);
        protected set => _currentLine = value;
    }

    /// <summary>Lines before the part of a file this reader reads (0 for a whole input); counted only when asked for.</summary>
    private protected virtual long LinesBeforeInput => 0;

    /// <summary>Reads the next record, or <see langword="null"/> at the end of the input.</summary>
    /// <exception cref="PaperChunksFormatException">The input is malformed (first bad row under fail-fast).</exception>
    public T? Read()
    {
        T? record;
        do
        {
            RowBucket = null;
            record = ReadCore();
        }
        while (record is not null && Skipped(record));

        if (record is not null)
        {
            RecordsRead++;
        }

        return record;
    }

    /// <summary>Reads the next record asynchronously, or <see langword="null"/> at the end of the input.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="PaperChunksFormatException">The input is malformed (first bad row under fail-fast).</exception>
    public async ValueTask<T?> ReadAsync(CancellationToken cancellationToken = default)
    {
        T? record;
        do
        {
            RowBucket = null;
            record = await ReadCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        while (record is not null && Skipped(record));

        if (record is not null)
        {
            RecordsRead++;
        }

        return record;
    }

    /// <summary>Every remaining record, synchronously.</summary>
    public IEnumerable<T> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Every remaining record, asynchronously.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            yield return record;
        }
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

    /// <summary>Reads the next record, or <see langword="null"/> at the end.</summary>
    protected abstract T? ReadCore();

    /// <summary>Reads the next record asynchronously, or <see langword="null"/> at the end.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    protected abstract ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken);

    /// <summary>Releases the input.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Releases the input asynchronously.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    /// <summary>
    /// Handles a bad row the reader has already moved past: throws it under fail-fast, records it under
    /// skip-and-report. Errors the reader cannot move past are thrown directly instead.
    /// </summary>
    /// <param name="error">The row's error, located.</param>
    protected void ReportBadRow(PaperChunksFormatException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!ReportsBadRow())
        {
            return;
        }

        if (Options.ErrorPolicy == ErrorPolicy.FailFast)
        {
            throw error;
        }

        ErrorCount++;
        if (_errors.Count < Options.MaxKeptErrors)
        {
            _errors.Add(error);
        }
    }

    /// <summary>
    /// Under <see cref="ReaderOptions.Shard"/>: the bucket of the row being read, when the reader knew it
    /// before parsing the row (JSON Lines reads the doi first); its records then skip the shard check and its
    /// bad rows are reported by that bucket's shard. <see langword="null"/>: the paper is not known, and a bad
    /// row belongs to bucket 0.
    /// </summary>
    private protected int? RowBucket { get; set; }

    /// <summary>The reader's memory of the last paper's bucket, for rows read on the caller's thread.</summary>
    private protected RecentBucket Buckets => _recentBucket;

    /// <summary>Whether the derived reader skips other shards' rows itself, setting <see cref="RowBucket"/>.</summary>
    private protected virtual bool SkipsOtherShards => false;

    /// <summary>
    /// Whether the reader already parses on more than one thread (JSON Lines in blocks), so that reading it
    /// ahead on one more thread gains nothing.
    /// </summary>
    internal virtual bool ParsesInParallel => false;

    // A record of another shard's paper, or with a field over ReaderOptions.MaxFieldChars (reported), is skipped.
    private bool Skipped(T record)
    {
        if (Options.Shard is { } shard && !SkipsOtherShards)
        {
            RowBucket = ShardKey.BucketOf(record, shard.Count, _recentBucket);
            if (RowBucket != shard.Index)
            {
                return true;
            }
        }

        return Oversized(record);
    }

    // Each bad row is reported by one shard only: its paper's, or shard 0 when the paper is unknown.
    private bool ReportsBadRow() =>
        Options.Shard is not { } shard || (RowBucket ?? 0) == shard.Index;

    // Reports a record with a field over ReaderOptions.MaxFieldChars as a bad row (true: skip it).
    private bool Oversized(T record)
    {
        if (FieldSizeLimit.FirstOversized(record, Options.MaxFieldChars) is not { } oversized)
        {
            return false;
        }

        ReportBadRow(FormatError(
            CurrentLine,
            0,
            oversized.Field,
            System.FormattableString.Invariant($"expected at most {Options.MaxFieldChars:N0} characters (ReaderOptions.MaxFieldChars), found {oversized.Length:N0}")));
        return true;
    }

    /// <summary>Builds a located format error for this input.</summary>
    /// <param name="line">1-based line (0 if none).</param>
    /// <param name="column">1-based column (0 if unknown).</param>
    /// <param name="field">On-disk field name, or null for the whole row.</param>
    /// <param name="reason">What was expected and found.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    protected PaperChunksFormatException FormatError(
        long line, long column, string? field, string reason, Exception? inner = null) =>
        new(SourceName, line, column, field, reason, inner);
}
