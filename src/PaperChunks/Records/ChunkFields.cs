namespace PaperChunks.Records;

/// <summary>The columns of a chunk row, as flags, to say which were absent on disk.</summary>
[Flags]
public enum ChunkFields
{
    /// <summary>No field.</summary>
    None = 0,
    /// <summary><c>doi</c>.</summary>
    Doi = 1 << 0,
    /// <summary><c>chunk-id</c>.</summary>
    ChunkId = 1 << 1,
    /// <summary><c>chunk</c>.</summary>
    Chunk = 1 << 2,
    /// <summary><c>id</c>.</summary>
    Id = 1 << 3,
    /// <summary><c>title</c>.</summary>
    Title = 1 << 4,
    /// <summary><c>summary</c>.</summary>
    Summary = 1 << 5,
    /// <summary><c>source</c>.</summary>
    Source = 1 << 6,
    /// <summary><c>authors</c>.</summary>
    Authors = 1 << 7,
    /// <summary><c>categories</c>.</summary>
    Categories = 1 << 8,
    /// <summary><c>comment</c>.</summary>
    Comment = 1 << 9,
    /// <summary><c>journal_ref</c>.</summary>
    JournalRef = 1 << 10,
    /// <summary><c>primary_category</c>.</summary>
    PrimaryCategory = 1 << 11,
    /// <summary><c>published</c>.</summary>
    Published = 1 << 12,
    /// <summary><c>updated</c>.</summary>
    Updated = 1 << 13,
    /// <summary><c>references</c>.</summary>
    References = 1 << 14,
}
