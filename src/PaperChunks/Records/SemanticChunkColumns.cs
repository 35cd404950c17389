namespace PaperChunks.Records;

/// <summary>
/// The on-disk names of the semantic-chunks layout (<c>jamescalam/ai-arxiv2-semantic-chunks</c>), in its
/// order, and how they map onto <see cref="ChunkRecord"/>: <c>arxiv_id</c> → <see cref="ChunkRecord.Doi"/>,
/// <c>content</c> → <see cref="ChunkRecord.Chunk"/>, the index after <c>#</c> in <c>id</c> →
/// <see cref="ChunkRecord.ChunkId"/>; <c>prechunk_id</c>/<c>postchunk_id</c> are kept as extra fields.
/// </summary>
public static class SemanticChunkColumns
{
    /// <summary><c>id</c>: <c>{arxiv_id}#{index}</c>.</summary>
    public const string Id = "id";
    /// <summary><c>title</c>.</summary>
    public const string Title = "title";
    /// <summary><c>content</c>: the chunk text.</summary>
    public const string Content = "content";
    /// <summary><c>prechunk_id</c>: the previous chunk's <c>id</c>, <c>""</c> on a paper's first chunk.</summary>
    public const string PrechunkId = "prechunk_id";
    /// <summary><c>postchunk_id</c>: the next chunk's <c>id</c>, <c>""</c> on a paper's last chunk.</summary>
    public const string PostchunkId = "postchunk_id";
    /// <summary><c>arxiv_id</c>: the paper's arXiv id.</summary>
    public const string ArxivId = "arxiv_id";
    /// <summary><c>references</c>: the cited arXiv ids, a list of strings.</summary>
    public const string References = "references";

    /// <summary>All seven names in the dataset's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Id, Title, Content, PrechunkId, PostchunkId, ArxivId, References];

    /// <summary>The chunk field a name of this layout's own stands for: <c>content</c> the chunk, <c>arxiv_id</c> the doi.</summary>
    internal static ChunkFields FieldOf(string name) => name switch
    {
        Content => ChunkFields.Chunk,
        ArxivId => ChunkFields.Doi,
        _ => ChunkFields.None,
    };

    /// <summary>The index after the last <c>#</c> of <c>{arxiv_id}#{index}</c> (canonical digits), or <see langword="null"/>.</summary>
    internal static long? IndexOf(string id)
    {
        var hash = id.LastIndexOf('#');
        return hash >= 0 && ChunkIdDigits.TryParse(id.AsSpan(hash + 1), out var index) ? index : null;
    }
}
