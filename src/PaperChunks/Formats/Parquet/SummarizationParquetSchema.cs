using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// SciTLDR's Parquet schemas, as the Hugging Face export writes them: the list shape (<c>source</c> and
/// <c>target</c> lists of sentences) and the flattened shape (one string each); every column optional.
/// </summary>
internal static class SummarizationParquetSchema
{
    public static ParquetSchema For(SummarizationShape shape) => shape == SummarizationShape.Flattened ? Flattened : List;

    private static ParquetSchema List { get; } = Build(flattened: false);

    private static ParquetSchema Flattened { get; } = Build(flattened: true);

    private static ParquetSchema Build(bool flattened) => new(
        flattened ? Text(SummarizationColumns.Source) : TextList(SummarizationColumns.Source),
        new ListField(SummarizationColumns.SourceLabels, new DataField<long?>(ListField.ElementName, true)),
        new ListField(SummarizationColumns.RougeScores, new DataField<double?>(ListField.ElementName, true)),
        Text(SummarizationColumns.PaperId),
        Text(SummarizationColumns.Title),
        flattened ? Text(SummarizationColumns.Target) : TextList(SummarizationColumns.Target));

    private static DataField<string> Text(string name) => new(name, true);

    private static ListField TextList(string name) => new(name, Text(ListField.ElementName));
}
