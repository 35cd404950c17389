namespace PaperChunks.Records;

/// <summary>How a <see cref="SummarizationRecord"/> lays out <c>source</c> and <c>target</c> on disk.</summary>
public enum SummarizationShape
{
    /// <summary>
    /// SciTLDR's jsonl files: <c>source</c> and <c>target</c> are JSON lists of sentences, one
    /// <c>source_labels</c> entry per <c>source</c> sentence.
    /// </summary>
    List,

    /// <summary>
    /// Dataset-viewer and Parquet exports: <c>source</c> is one string (sentences joined by spaces) and
    /// <c>target</c> one string.
    /// </summary>
    Flattened,
}
