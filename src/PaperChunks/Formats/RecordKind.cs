namespace PaperChunks.Formats;

/// <summary>Which record type an input's rows make.</summary>
public enum RecordKind
{
    /// <summary>Chunk rows (<see cref="Records.ChunkRecord"/>): the columns include <c>doi</c>, <c>chunk-id</c>, <c>chunk</c>.</summary>
    Chunk,

    /// <summary>SciTLDR rows (<see cref="Records.SummarizationRecord"/>): <c>source</c>, <c>paper_id</c>, <c>target</c>.</summary>
    Summarization,

    /// <summary>Paper summaries (<see cref="Records.PaperSummaryRecord"/>): ShortScience entries.</summary>
    PaperSummary,

    /// <summary>Any other column set (<see cref="Records.GenericRecord"/>).</summary>
    Generic,
}
