using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The paper-summary (ShortScience) rows' Parquet schema, column for column as their JSON Lines: strings,
/// <c>authors</c> and <c>keywords</c> lists, <c>year</c> int32, <c>first_published</c> a <c>yyyy-MM-dd</c> string.
/// </summary>
internal static class PaperSummaryParquetSchema
{
    public static ParquetSchema Schema { get; } = new(
        Text(PaperSummaryColumns.Title),
        TextList(PaperSummaryColumns.Authors),
        Text(PaperSummaryColumns.AuthorsText),
        Text(PaperSummaryColumns.Venue),
        new DataField<int?>(PaperSummaryColumns.Year, true),
        Text(PaperSummaryColumns.ListedVia),
        TextList(PaperSummaryColumns.Keywords),
        Text(PaperSummaryColumns.FirstPublished),
        Text(PaperSummaryColumns.Abstract),
        Text(PaperSummaryColumns.Summary));

    public static DataField[] Leaves { get; } = Schema.GetDataFields();

    private static DataField<string> Text(string name) => new(name, true);

    private static ListField TextList(string name) => new(name, Text(ListField.ElementName));
}
