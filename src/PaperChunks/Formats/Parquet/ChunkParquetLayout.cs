using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The column types of one chunk Parquet file being written, shared by its row-group batches: the first row's
/// <see cref="ChunkRecord.Schema"/> fixes them (canonical when the file gets no row), and a later row whose
/// source stored a column otherwise is refused, since one Parquet column has one type. The first row fixes the extra
/// columns too (<see cref="ExtraColumnSet"/>): string columns after the layout's own, their JSON ones named in the file's
/// key-value metadata under <see cref="JsonColumnsKey"/> so that a reader gives their values back as JSON. A file of a
/// bucketed dataset names its bucket under <see cref="FileBucket.Key"/>.
/// </summary>
internal sealed class ChunkParquetLayout(string target, ExtraColumnSet? learned)
{
    /// <summary>The key-value metadata entry listing the extra columns that hold JSON text (a JSON array of names).</summary>
    public const string JsonColumnsKey = "paperchunks.json_columns";

    /// <summary>The bucket of a <c>convert --buckets</c> dataset that all the file's rows are in, or null.</summary>
    public FileBucket? Bucket { get; init; }

    private ChunkSchema? _schema;
    private ParquetSchema? _parquet;
    private ExtraColumnSet? _extras;

    public ChunkSchema Schema => _schema ??= ChunkSchema.Canonical;

    /// <summary>The extra columns, fixed by the first row (none for a file with no row).</summary>
    public ExtraColumnSet Extras => _extras ??= ExtraColumnSet.Of(null, learned);

    public ParquetSchema Parquet => _parquet ??= ChunkParquetSchema.For(Schema, Extras.Names);

    /// <summary>The file's key-value metadata: the JSON extra columns and the bucket, if any.</summary>
    public IReadOnlyDictionary<string, string>? Metadata
    {
        get
        {
            var metadata = new Dictionary<string, string>();
            if (Extras.JsonNames.ToArray() is { Length: > 0 } json)
            {
                metadata[JsonColumnsKey] = System.Text.Json.JsonSerializer.Serialize(json, StringJsonContext.Default.StringArray);
            }

            if (Bucket is { } bucket)
            {
                metadata[FileBucket.Key] = bucket.ToString();
            }

            return metadata.Count > 0 ? metadata : null;
        }
    }

    /// <summary>Fixes the extra columns from the file's first row; later calls do nothing.</summary>
    public void FirstRow(ChunkRecord row) => _extras ??= ExtraColumnSet.Of(row, learned);

    public DataField[] Leaves => Parquet.GetDataFields();

    /// <summary>Fixes the file's types from its first row; checks every later schema a row brings.</summary>
    /// <exception cref="PaperChunksOutputException">The row's source stores a column with another type than the file's first rows.</exception>
    public void Take(ChunkRecord record)
    {
        var row = record.Schema;
        if (_schema is null)
        {
            _schema = row;
            return;
        }

        if (!_schema.HasSameColumnTypes(row))
        {
            // Named by row and column: a column whose type a JSON Lines source shows only in later rows ends here too.
            throw new PaperChunksOutputException(
                target,
                $"the row of paper \"{record.Doi}\" chunk {record.ChunkId}, column \"{FirstDifference(_schema, row)}\": it comes from a source that stores its columns as {Describe(row)}, but the file's first rows fixed {Describe(_schema)}; convert with the canonical schema (--schema canonical) to mix such inputs");
        }
    }

    private static string FirstDifference(ChunkSchema a, ChunkSchema b) =>
        a.Layout != b.Layout ? "(layout)"
        : a.ChunkId != b.ChunkId ? ChunkColumns.ChunkId
        : a.Authors != b.Authors ? ChunkColumns.Authors
        : a.Categories != b.Categories ? ChunkColumns.Categories
        : ChunkColumns.References;

    /// <summary>The row's extra values for the extra columns, in order; a row the schema cannot hold is refused.</summary>
    /// <exception cref="PaperChunksOutputException">The row has an extra column the first row lacked, or a non-string in a text column.</exception>
    public void ExtraCells(ChunkRecord row, string?[] into)
    {
        if (Extras.Cells(row, into) is { } problem)
        {
            throw new PaperChunksOutputException(target, $"the row of paper \"{row.Doi}\" chunk {row.ChunkId} {problem}");
        }
    }

    private static string Describe(ChunkSchema schema) =>
        $"chunk-id {Word(schema.ChunkId)}, authors {Word(schema.Authors)}, categories {Word(schema.Categories)}, references {Word(schema.References)}";

    private static string Word(ChunkColumnType type) => type switch
    {
        ChunkColumnType.Number => "int64",
        ChunkColumnType.DigitString => "string",
        ChunkColumnType.StringList => "list<string>",
        ChunkColumnType.CommaSeparatedString => "string",
        _ => "list<struct<id>>",
    };
}
