namespace PaperChunks;

/// <summary>
/// Settings shared by every reader, validated once when the reader is created. Immutable: derive a
/// variant with a <c>with</c> expression.
/// </summary>
public sealed record ReaderOptions
{
    /// <summary>The defaults: fail fast, 64 MB rows, 10,000 kept errors.</summary>
    public static ReaderOptions Default { get; } = new();

    /// <summary>Fail at the first bad row, or skip and report every bad row.</summary>
    public ErrorPolicy ErrorPolicy { get; init; } = ErrorPolicy.FailFast;

    /// <summary>
    /// Largest single row (a JSONL line, a CSV record, a viewer row) in bytes. A longer one is a format
    /// error instead of an out-of-memory crash. Default 64 MB.
    /// </summary>
    public int MaxRowBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// How many errors <see cref="ErrorPolicy.SkipAndReport"/> keeps as objects; the count stays exact
    /// beyond it. Default 10,000.
    /// </summary>
    public int MaxKeptErrors { get; init; } = 10_000;

    /// <summary>
    /// Largest allowed ratio of decompressed to compressed bytes for <c>.gz</c> and <c>.zst</c> input,
    /// so a decompression bomb fails with a clear error instead of filling memory or disk. Default 1000.
    /// </summary>
    public int MaxDecompressionRatio { get; init; } = 1000;

    /// <summary>
    /// Longest single field in characters (a list field counts its items together). A longer one makes its
    /// row bad, located at the row and named by its on-disk field. Default 16 M characters.
    /// </summary>
    public int MaxFieldChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted inside a row. Default 64.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>
    /// Name used for the input in error messages when reading from a stream; readers opened from a
    /// path use the path as given.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// Read only the rows of this shard's papers (<see cref="Records.PaperShard"/>); <see langword="null"/> (default)
    /// reads every row. Rows of other papers are skipped, in JSON Lines before the row is parsed past its
    /// doi. A row whose paper cannot be read (a bad row, a row without doi) belongs to bucket 0, so that
    /// N shards together read, and report, every row exactly once.
    /// </summary>
    public Records.PaperShard? Shard { get; init; }

    /// <summary>
    /// For an input that is a dataset folder (a local clone of a Hugging Face dataset repository: a
    /// <c>README.md</c> card with <c>configs</c>, or files named by split such as <c>data/train-00000-of-00003.parquet</c>):
    /// the split to read, e.g. <c>train</c>. <see langword="null"/> (default): the folder's only split; a folder of
    /// several splits is then an error naming them, since reading them together would mix train and test rows.
    /// Ignored for files.
    /// </summary>
    public string? Split { get; init; }

    /// <summary>
    /// Threads that may parse one input's rows at once (JSON Lines chunk rows, plain or compressed): lines
    /// are read in order and parsed in blocks on other threads, and records, errors and line numbers come
    /// out exactly as one thread gives them. 1 parses on the caller's thread. Default: the processor count.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        if (MaxRowBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRowBytes), MaxRowBytes, "must be at least 1024 bytes");
        }

        if (MaxKeptErrors < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxKeptErrors), MaxKeptErrors, "must not be negative");
        }

        if (MaxDecompressionRatio < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDecompressionRatio), MaxDecompressionRatio, "must be at least 1");
        }

        if (MaxFieldChars < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFieldChars), MaxFieldChars, "must be at least 64 characters");
        }

        if (MaxJsonDepth < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxJsonDepth), MaxJsonDepth, "must be at least 4");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "must be at least 1");
        }
    }
}
