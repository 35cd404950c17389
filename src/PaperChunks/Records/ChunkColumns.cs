namespace PaperChunks.Records;

/// <summary>
/// The on-disk names of the chunk row columns (Hugging Face export), in their canonical order. Every
/// format uses these names; nothing else in the library spells them.
/// </summary>
public static class ChunkColumns
{
    /// <summary><c>doi</c>: the arXiv id, e.g. <c>1703.04933</c>.</summary>
    public const string Doi = "doi";
    /// <summary><c>chunk-id</c>: the chunk's index within its paper (int64).</summary>
    public const string ChunkId = "chunk-id";
    /// <summary><c>chunk</c>: the chunk text.</summary>
    public const string Chunk = "chunk";
    /// <summary><c>id</c>: <c>doi#chunk-id</c>.</summary>
    public const string Id = "id";
    /// <summary><c>title</c>.</summary>
    public const string Title = "title";
    /// <summary><c>summary</c>: the paper's abstract.</summary>
    public const string Summary = "summary";
    /// <summary><c>source</c>: <c>http://arxiv.org/pdf/</c> + doi.</summary>
    public const string Source = "source";
    /// <summary><c>authors</c>.</summary>
    public const string Authors = "authors";
    /// <summary><c>categories</c>.</summary>
    public const string Categories = "categories";
    /// <summary><c>comment</c> (nullable).</summary>
    public const string Comment = "comment";
    /// <summary><c>journal_ref</c> (nullable).</summary>
    public const string JournalRef = "journal_ref";
    /// <summary><c>primary_category</c>.</summary>
    public const string PrimaryCategory = "primary_category";
    /// <summary><c>published</c>: <c>YYYYMMDD</c>.</summary>
    public const string Published = "published";
    /// <summary><c>updated</c>: <c>YYYYMMDD</c>.</summary>
    public const string Updated = "updated";
    /// <summary><c>references</c>: list of <c>{"id": …}</c>.</summary>
    public const string References = "references";

    /// <summary>All fifteen names in canonical order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Doi, ChunkId, Chunk, Id, Title, Summary, Source, Authors, Categories, Comment, JournalRef,
        PrimaryCategory, Published, Updated, References,
    ];

    /// <summary>The flag for a column name, or <see cref="ChunkFields.None"/> for an unknown name.</summary>
    /// <param name="name">An on-disk column name.</param>
    public static ChunkFields FieldOf(string name) => name switch
    {
        Doi => ChunkFields.Doi,
        ChunkId => ChunkFields.ChunkId,
        Chunk => ChunkFields.Chunk,
        Id => ChunkFields.Id,
        Title => ChunkFields.Title,
        Summary => ChunkFields.Summary,
        Source => ChunkFields.Source,
        Authors => ChunkFields.Authors,
        Categories => ChunkFields.Categories,
        Comment => ChunkFields.Comment,
        JournalRef => ChunkFields.JournalRef,
        PrimaryCategory => ChunkFields.PrimaryCategory,
        Published => ChunkFields.Published,
        Updated => ChunkFields.Updated,
        References => ChunkFields.References,
        _ => ChunkFields.None,
    };
}
