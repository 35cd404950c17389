using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The column types of one chunk Parquet file being written, shared by its row-group batches: the first row's
/// <see cref="ChunkRecord.Schema"/> fixes them (canonical when the file gets no row), and a later row whose
/// source stored a column otherwise is refused, since one Parquet column has one type.
/// </summary>
internal sealed class ChunkParquetLayout(string target)
{
    private ChunkSchema? _schema;
    private ParquetSchema? _parquet;

    public ChunkSchema Schema => _schema ??= ChunkSchema.Canonical;

    public ParquetSchema Parquet => _parquet ??= ChunkParquetSchema.For(Schema);

    public DataField[] Leaves => Parquet.GetDataFields();

    /// <summary>Fixes the file's types from its first row; checks every later schema a row brings.</summary>
    /// <exception cref="PaperChunksOutputException">The row's source stores a column with another type than the file's first rows.</exception>
    public void Take(ChunkSchema row)
    {
        if (_schema is null)
        {
            _schema = row;
            return;
        }

        if (!_schema.HasSameColumnTypes(row))
        {
            throw new PaperChunksOutputException(
                target,
                $"a row comes from a source that stores its columns as {Describe(row)}, but the file's first rows fixed {Describe(_schema)}; convert with the canonical schema (--schema canonical) to mix such inputs");
        }
    }

    /// <summary>
    /// Refuses a row with a column the file's schema has no place for (the semantic-chunks links excepted in that
    /// layout): it would be dropped without a word.
    /// </summary>
    /// <exception cref="PaperChunksOutputException">The row has such a column.</exception>
    public void RefuseExtraColumns(ChunkRecord row)
    {
        var semantic = Schema.Layout == ChunkLayout.SemanticChunks;
        foreach (var field in row.ExtraFields)
        {
            if (semantic && field.Name is SemanticChunkColumns.PrechunkId or SemanticChunkColumns.PostchunkId)
                continue;
            throw new PaperChunksOutputException(
                target,
                $"the row of paper \"{row.Doi}\" chunk {row.ChunkId} has the column \"{field.Name}\", which this Parquet file's schema cannot hold; write JSON Lines to keep it");
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
