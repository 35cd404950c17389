
namespace PaperChunks.Records;

/// <summary>
/// One whole paper rebuilt from its chunk rows: the metadata the rows repeat, the full text with each
/// passage once, and an account of what was missing or repeated. Equality is by value, lists compared
/// element by element.
/// </summary>
public sealed record PaperRecord
{
    /// <summary><c>doi</c>: the paper's arXiv id.</summary>
    public required string Doi { get; init; }

    /// <summary><c>title</c>.</summary>
    public string Title { get; init; } = "";

    /// <summary><c>summary</c>: the abstract.</summary>
    public string Summary { get; init; } = "";

    /// <summary><c>source</c>: the PDF address.</summary>
    public string Source { get; init; } = "";

    /// <summary><c>authors</c> in paper order.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary><c>categories</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary><c>comment</c>, or <see langword="null"/>.</summary>
    public string? Comment { get; init; }

    /// <summary><c>journal_ref</c>, or <see langword="null"/>.</summary>
    public string? JournalRef { get; init; }

    /// <summary><c>primary_category</c>.</summary>
    public string PrimaryCategory { get; init; } = "";

    /// <summary><c>published</c> as stored (<c>YYYYMMDD</c>).</summary>
    public string? Published { get; init; }

    /// <summary><c>updated</c> as stored (<c>YYYYMMDD</c>).</summary>
    public string? Updated { get; init; }

    /// <summary><c>references</c>: the arXiv ids the paper cites.</summary>
    public IReadOnlyList<PaperReference> References { get; init; } = [];

    /// <summary><c>text</c>: the chunks joined in chunk-id order, each overlap kept once.</summary>
    public required string Text { get; init; }

    /// <summary><c>chunk_count</c>: distinct chunk ids that went into <see cref="Text"/>.</summary>
    public int ChunkCount { get; init; }

    /// <summary>
    /// <c>missing_chunk_ids</c>: ids absent between the lowest and highest id present, ascending. Ids
    /// before the first or after the last chunk present cannot be told from a truncated excerpt and are
    /// not listed; the first span's <see cref="ChunkSpan.ChunkId"/> shows where the paper starts.
    /// </summary>
    public IReadOnlyList<long> MissingChunkIds { get; init; } = [];

    /// <summary><c>duplicate_chunk_ids</c>: ids met on more than one row, each listed once, ascending.</summary>
    public IReadOnlyList<long> DuplicateChunkIds { get; init; } = [];

    /// <summary><c>spans</c>: each chunk's stretch of <see cref="Text"/>, in chunk-id order.</summary>
    public IReadOnlyList<ChunkSpan> Spans { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(PaperRecord? other) =>
        other is not null
        && Doi == other.Doi && Title == other.Title && Summary == other.Summary && Source == other.Source
        && Comment == other.Comment && JournalRef == other.JournalRef
        && PrimaryCategory == other.PrimaryCategory && Published == other.Published
        && Updated == other.Updated && Text == other.Text && ChunkCount == other.ChunkCount
        && Authors.SequenceEqual(other.Authors) && Categories.SequenceEqual(other.Categories)
        && References.SequenceEqual(other.References) && MissingChunkIds.SequenceEqual(other.MissingChunkIds)
        && DuplicateChunkIds.SequenceEqual(other.DuplicateChunkIds) && Spans.SequenceEqual(other.Spans);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Doi, Text.Length, ChunkCount);
}
