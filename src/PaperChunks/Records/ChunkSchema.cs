namespace PaperChunks.Records;

/// <summary>
/// The on-disk shape of a chunk file, as its reader found it (from the JSON value kinds, the Parquet schema
/// or the dataset-viewer header), carried by every <see cref="ChunkRecord"/> it reads so that writers store
/// the columns with the source's types: JSONL → Parquet → JSONL gives the input back. One instance is
/// shared by all the rows of a file. <see cref="Canonical"/> is the typed schema (int64, lists).
/// </summary>
public sealed record ChunkSchema
{
    private readonly ChunkColumnType _chunkId = ChunkColumnType.Number;
    private readonly ChunkColumnType _authors = ChunkColumnType.StringList;
    private readonly ChunkColumnType _categories = ChunkColumnType.StringList;
    private readonly ChunkColumnType _references = ChunkColumnType.IdStructList;

    /// <summary>The typed schema: <c>chunk-id</c> int64, <c>authors</c>/<c>categories</c> lists of strings, <c>references</c> a list of <c>{id}</c>.</summary>
    public static ChunkSchema Canonical { get; } = new();

    /// <summary><c>chunk-id</c>: <see cref="ChunkColumnType.Number"/> or <see cref="ChunkColumnType.DigitString"/> (digits).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another type.</exception>
    public ChunkColumnType ChunkId
    {
        get => _chunkId;
        init => _chunkId = Check(value, nameof(ChunkId), ChunkColumnType.Number, ChunkColumnType.DigitString);
    }

    /// <summary><c>authors</c>: <see cref="ChunkColumnType.StringList"/> or <see cref="ChunkColumnType.CommaSeparatedString"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another type.</exception>
    public ChunkColumnType Authors
    {
        get => _authors;
        init => _authors = Check(value, nameof(Authors), ChunkColumnType.StringList, ChunkColumnType.CommaSeparatedString);
    }

    /// <summary><c>categories</c>: <see cref="ChunkColumnType.StringList"/> or <see cref="ChunkColumnType.CommaSeparatedString"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another type.</exception>
    public ChunkColumnType Categories
    {
        get => _categories;
        init => _categories = Check(value, nameof(Categories), ChunkColumnType.StringList, ChunkColumnType.CommaSeparatedString);
    }

    /// <summary><c>references</c>: <see cref="ChunkColumnType.IdStructList"/> or <see cref="ChunkColumnType.StringList"/> (bare ids).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another type.</exception>
    public ChunkColumnType References
    {
        get => _references;
        init => _references = Check(value, nameof(References), ChunkColumnType.IdStructList, ChunkColumnType.StringList);
    }

    /// <summary>What <c>id</c> holds: <c>doi#chunk-id</c> (default) or the doi alone. Not a column type: a rule the validator checks.</summary>
    public RowIdForm IdForm { get; init; }

    /// <summary>The column names the file uses: the chunked dataset's (default) or the semantic-chunks layout's.</summary>
    public ChunkLayout Layout { get; init; }

    /// <summary>Whether <paramref name="other"/> stores every column with the same type (the id rule aside).</summary>
    /// <param name="other">Another schema.</param>
    public bool HasSameColumnTypes(ChunkSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other)
            || (ChunkId == other.ChunkId && Authors == other.Authors && Categories == other.Categories
                && References == other.References && Layout == other.Layout);
    }

    /// <summary>The same shape with the typed column types (and the chunked layout's names); the id rule is kept.</summary>
    public ChunkSchema ToCanonical() => IdForm == RowIdForm.DoiAndChunkId ? Canonical : Canonical with { IdForm = IdForm };

    private static ChunkColumnType Check(ChunkColumnType value, string column, ChunkColumnType a, ChunkColumnType b) =>
        value == a || value == b ? value : throw new ArgumentOutOfRangeException(column, value, $"{column} is stored as {a} or {b}.");
}
