namespace PaperChunks.Records;

/// <summary>
/// One row of a chunked arXiv corpus: a chunk of a paper's text with the paper's metadata repeated on
/// every chunk (the Hugging Face schema). Equality is by value, lists compared element by element.
/// </summary>
public sealed record ChunkRecord
{
    /// <summary><c>doi</c>: the paper's arXiv id, e.g. <c>1703.04933</c>.</summary>
    public required string Doi { get; init; }

    /// <summary><c>chunk-id</c>: the chunk's index within its paper, from 0.</summary>
    public required long ChunkId { get; init; }

    /// <summary><c>chunk</c>: the chunk text.</summary>
    public required string Chunk { get; init; }

    /// <summary><c>id</c>: <c>doi#chunk-id</c>, e.g. <c>1703.04933#40</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary><c>title</c>: the paper's title.</summary>
    public string Title { get; init; } = "";

    /// <summary><c>summary</c>: the paper's abstract.</summary>
    public string Summary { get; init; } = "";

    /// <summary><c>source</c>: the PDF address, <c>http://arxiv.org/pdf/</c> + doi.</summary>
    public string Source { get; init; } = "";

    /// <summary><c>authors</c>: author names in paper order.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary><c>categories</c>: arXiv categories, e.g. <c>cs.LG</c>, <c>stat.ML</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary><c>comment</c>: the authors' comment (page counts, venue), or <see langword="null"/>.</summary>
    public string? Comment { get; init; }

    /// <summary><c>journal_ref</c>: the journal reference, or <see langword="null"/>.</summary>
    public string? JournalRef { get; init; }

    /// <summary><c>primary_category</c>, e.g. <c>cs.LG</c>.</summary>
    public string PrimaryCategory { get; init; } = "";

    /// <summary><c>published</c> exactly as stored (normally <c>YYYYMMDD</c>); see <see cref="PublishedDate"/>.</summary>
    public string? Published { get; init; }

    /// <summary><c>updated</c> exactly as stored (normally <c>YYYYMMDD</c>); see <see cref="UpdatedDate"/>.</summary>
    public string? Updated { get; init; }

    /// <summary><c>references</c>: the arXiv ids this paper cites.</summary>
    public IReadOnlyList<PaperReference> References { get; init; } = [];

    /// <summary>
    /// Fields that were absent on disk (as opposed to present with value <c>null</c>). Writers leave
    /// them out where the format can tell the difference (JSONL).
    /// </summary>
    public ChunkFields AbsentFields { get; init; }

    /// <summary>Fields found on disk that this type does not model, kept for round trips.</summary>
    public IReadOnlyList<ExtraField> ExtraFields { get; init; } = [];

    /// <summary>
    /// How the file this record came from stores its columns; writers keep it (see <see cref="ChunkSchema"/>).
    /// Not part of equality: the same row read from JSONL or Parquet is the same record.
    /// </summary>
    public ChunkSchema Schema { get; init; } = ChunkSchema.Canonical;

    /// <summary><see cref="Published"/> as a date, or <see langword="null"/> when absent or neither <c>YYYYMMDD</c> nor an ISO 8601 date.</summary>
    public DateOnly? PublishedDate => ArxivDate.Parse(Published);

    /// <summary><see cref="Updated"/> as a date, or <see langword="null"/> when absent or neither <c>YYYYMMDD</c> nor an ISO 8601 date.</summary>
    public DateOnly? UpdatedDate => ArxivDate.Parse(Updated);

    /// <inheritdoc/>
    public bool Equals(ChunkRecord? other) =>
        other is not null
        && Doi == other.Doi && ChunkId == other.ChunkId && Chunk == other.Chunk && Id == other.Id
        && Title == other.Title && Summary == other.Summary && Source == other.Source
        && Comment == other.Comment && JournalRef == other.JournalRef
        && PrimaryCategory == other.PrimaryCategory && Published == other.Published
        && Updated == other.Updated && AbsentFields == other.AbsentFields
        && Authors.SequenceEqual(other.Authors) && Categories.SequenceEqual(other.Categories)
        && References.SequenceEqual(other.References) && ExtraFields.SequenceEqual(other.ExtraFields);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Doi, ChunkId, Chunk.Length);
}
