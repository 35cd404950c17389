using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The chunk rows' Parquet schema, as the Hugging Face Parquet export (pyarrow) writes it: every column
/// optional, <c>chunk-id</c> int64, lists in the standard three-level layout with elements named
/// <c>element</c>, <c>references</c> a list of <c>struct&lt;id: string&gt;</c>, dates kept as strings; or,
/// for a source stored otherwise (<see cref="ChunkSchema"/>), the source's types: <c>chunk-id</c> a string,
/// <c>authors</c>/<c>categories</c> one string, <c>references</c> a list of strings. Same columns, same order; the
/// semantic-chunks layout has its own seven columns.
/// </summary>
internal static class ChunkParquetSchema
{
    /// <summary>The canonical schema.</summary>
    public static ParquetSchema Schema { get; } = For(ChunkSchema.Canonical);

    /// <summary>A new schema storing each column as <paramref name="source"/> does (a field belongs to one schema).</summary>
    public static ParquetSchema For(ChunkSchema source) => For(source, []);

    /// <summary>As <see cref="For(ChunkSchema)"/>, with an optional string column per extra column after the layout's own.</summary>
    public static ParquetSchema For(ChunkSchema source, IReadOnlyList<string> extras)
    {
        var own = source.Layout == ChunkLayout.SemanticChunks ? Semantic(source) : Chunked(source);
        return extras.Count == 0 ? new ParquetSchema(own) : new ParquetSchema([.. own, .. extras.Select(Text)]);
    }

    private static Field[] Chunked(ChunkSchema source) =>
    [
        Text(ChunkColumns.Doi),
        source.ChunkId == ChunkColumnType.DigitString ? Text(ChunkColumns.ChunkId) : new DataField<long?>(ChunkColumns.ChunkId, true),
        Text(ChunkColumns.Chunk),
        Text(ChunkColumns.Id),
        .. PaperFields(source),
    ];

    /// <summary>
    /// The per-paper columns every chunk repeats, <c>title</c> to <c>references</c>, as new fields (a field
    /// belongs to one schema); reassembled papers (<see cref="PaperParquetSchema"/>) keep them too.
    /// </summary>
    public static Field[] PaperFields(ChunkSchema? source = null) =>
    [
        Text(ChunkColumns.Title),
        Text(ChunkColumns.Summary),
        Text(ChunkColumns.Source),
        ListOrJoined(ChunkColumns.Authors, source?.Authors),
        ListOrJoined(ChunkColumns.Categories, source?.Categories),
        Text(ChunkColumns.Comment),
        Text(ChunkColumns.JournalRef),
        Text(ChunkColumns.PrimaryCategory),
        Text(ChunkColumns.Published),
        Text(ChunkColumns.Updated),
        source?.References == ChunkColumnType.StringList
            ? TextList(ChunkColumns.References)
            : new ListField(ChunkColumns.References, new StructField(ListField.ElementName, Text("id"))),
    ];

    // jamescalam/ai-arxiv2-semantic-chunks: its seven columns, in its order, every one a string but references.
    private static Field[] Semantic(ChunkSchema source) =>
    [
        Text(SemanticChunkColumns.Id),
        Text(SemanticChunkColumns.Title),
        Text(SemanticChunkColumns.Content),
        Text(SemanticChunkColumns.PrechunkId),
        Text(SemanticChunkColumns.PostchunkId),
        Text(SemanticChunkColumns.ArxivId),
        source.References == ChunkColumnType.IdStructList
            ? new ListField(SemanticChunkColumns.References, new StructField(ListField.ElementName, Text("id")))
            : TextList(SemanticChunkColumns.References),
    ];

    private static Field ListOrJoined(string name, ChunkColumnType? type) =>
        type == ChunkColumnType.CommaSeparatedString ? Text(name) : TextList(name);

    private static DataField<string> Text(string name) => new(name, true);

    private static ListField TextList(string name) => new(name, Text(ListField.ElementName));
}
