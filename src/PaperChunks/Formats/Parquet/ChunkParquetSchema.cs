using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The chunk rows' Parquet schema, as the Hugging Face Parquet export (pyarrow) writes it: every column
/// optional, <c>chunk-id</c> int64, lists in the standard three-level layout with elements named
/// <c>element</c>, <c>references</c> a list of <c>struct&lt;id: string&gt;</c>, dates kept as strings.
/// </summary>
internal static class ChunkParquetSchema
{
    public static ParquetSchema Schema { get; } = new(
    [
        Text(ChunkColumns.Doi),
        new DataField<long?>(ChunkColumns.ChunkId, true),
        Text(ChunkColumns.Chunk),
        Text(ChunkColumns.Id),
        .. PaperFields(),
    ]);

    /// <summary>The leaf columns in schema (= write) order.</summary>
    public static DataField[] Leaves { get; } = Schema.GetDataFields();

    /// <summary>
    /// The per-paper columns every chunk repeats, <c>title</c> to <c>references</c>, as new fields (a field
    /// belongs to one schema); reassembled papers (<see cref="PaperParquetSchema"/>) keep them too.
    /// </summary>
    public static Field[] PaperFields() =>
    [
        Text(ChunkColumns.Title),
        Text(ChunkColumns.Summary),
        Text(ChunkColumns.Source),
        TextList(ChunkColumns.Authors),
        TextList(ChunkColumns.Categories),
        Text(ChunkColumns.Comment),
        Text(ChunkColumns.JournalRef),
        Text(ChunkColumns.PrimaryCategory),
        Text(ChunkColumns.Published),
        Text(ChunkColumns.Updated),
        new ListField(ChunkColumns.References, new StructField(ListField.ElementName, Text("id"))),
    ];

    private static DataField<string> Text(string name) => new(name, true);

    private static ListField TextList(string name) => new(name, Text(ListField.ElementName));
}
