namespace PaperChunks.Records;

/// <summary>
/// One SciTLDR-style summarization example: a paper's sentences, which sentence is closest to the
/// summary, and the one or more human-written TLDRs. Both on-disk shapes read into this one type.
/// </summary>
public sealed record SummarizationRecord
{
    /// <summary>
    /// <c>source</c>: the paper's sentences (list shape), or a single element holding the whole
    /// space-joined text (flattened shape, where the sentence boundaries are not recoverable).
    /// </summary>
    public required IReadOnlyList<string> Source { get; init; }

    /// <summary><c>source_labels</c>: 0 or 1 per original sentence; exactly one 1 in SciTLDR.</summary>
    public IReadOnlyList<int> SourceLabels { get; init; } = [];

    /// <summary><c>paper_id</c>: the OpenReview paper id, e.g. <c>SkxXCi0qFX</c>.</summary>
    public required string PaperId { get; init; }

    /// <summary><c>target</c>: the TLDR(s); one element in the flattened shape.</summary>
    public required IReadOnlyList<string> Target { get; init; }

    /// <summary><c>title</c>, when the file has it (SciTLDR's full jsonl), else <see langword="null"/>.</summary>
    public string? Title { get; init; }

    /// <summary><c>rouge_scores</c>, when the file has them, else <see langword="null"/>.</summary>
    public IReadOnlyList<double>? RougeScores { get; init; }

    /// <summary>The shape the record was read in; writers use their own option to choose the output shape.</summary>
    public SummarizationShape Shape { get; init; } = SummarizationShape.List;

    /// <summary>Fields found on disk that this type does not model, kept for round trips.</summary>
    public IReadOnlyList<ExtraField> ExtraFields { get; init; } = [];

    /// <summary>The source as one string: the sentences joined by single spaces.</summary>
    public string SourceText => Source.Count == 1 ? Source[0] : string.Join(' ', Source);

    /// <summary>The targets as one string, joined by single spaces.</summary>
    public string TargetText => Target.Count == 1 ? Target[0] : string.Join(' ', Target);

    /// <inheritdoc/>
    public bool Equals(SummarizationRecord? other) =>
        other is not null
        && PaperId == other.PaperId && Title == other.Title && Shape == other.Shape
        && Source.SequenceEqual(other.Source) && SourceLabels.SequenceEqual(other.SourceLabels)
        && Target.SequenceEqual(other.Target)
        && (RougeScores is null ? other.RougeScores is null
            : other.RougeScores is not null && RougeScores.SequenceEqual(other.RougeScores))
        && ExtraFields.SequenceEqual(other.ExtraFields);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PaperId, Source.Count, Target.Count);
}
