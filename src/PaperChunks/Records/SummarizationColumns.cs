namespace PaperChunks.Records;

/// <summary>On-disk names of the summarization (SciTLDR) columns, in canonical order.</summary>
public static class SummarizationColumns
{
    /// <summary><c>source</c>: the paper's sentences.</summary>
    public const string Source = "source";
    /// <summary><c>source_labels</c>: 0/1 per source sentence, 1 marking the sentence closest to the TLDR.</summary>
    public const string SourceLabels = "source_labels";
    /// <summary><c>rouge_scores</c>: per-sentence ROUGE against the TLDR (list shape only).</summary>
    public const string RougeScores = "rouge_scores";
    /// <summary><c>paper_id</c>: the OpenReview paper id.</summary>
    public const string PaperId = "paper_id";
    /// <summary><c>title</c>: the paper's title (list shape only).</summary>
    public const string Title = "title";
    /// <summary><c>target</c>: the TLDR(s).</summary>
    public const string Target = "target";

    /// <summary>All names in canonical order (SciTLDR's jsonl order).</summary>
    public static IReadOnlyList<string> All { get; } = [Source, SourceLabels, RougeScores, PaperId, Title, Target];
}
