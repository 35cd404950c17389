using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The reassembled papers' Parquet schema: the paper metadata as in the chunk schema
/// (<see cref="ChunkParquetSchema"/>), then <c>text</c>, <c>chunk_count</c> int64, <c>missing_chunk_ids</c> and
/// <c>duplicate_chunk_ids</c> as <c>list&lt;int64&gt;</c>, and <c>spans</c> as
/// <c>list&lt;struct&lt;chunk-id: int64, start: int64, length: int64&gt;&gt;</c>; names as <see cref="PaperColumns"/>.
/// </summary>
internal static class PaperParquetSchema
{
    public static ParquetSchema Schema { get; } = new(
    [
        Text(ChunkColumns.Doi),
        .. ChunkParquetSchema.PaperFields(),
        Text(PaperColumns.Text),
        Number(PaperColumns.ChunkCount),
        new ListField(PaperColumns.MissingChunkIds, Number(ListField.ElementName)),
        new ListField(PaperColumns.DuplicateChunkIds, Number(ListField.ElementName)),
        new ListField(PaperColumns.Spans, new StructField(
            ListField.ElementName, Number(ChunkColumns.ChunkId), Number(PaperColumns.SpanStart), Number(PaperColumns.SpanLength))),
    ]);

    /// <summary>The leaf columns in schema (= write) order.</summary>
    public static DataField[] Leaves { get; } = Schema.GetDataFields();

    private static DataField<string> Text(string name) => new(name, true);

    private static DataField<long?> Number(string name) => new(name, true);
}
