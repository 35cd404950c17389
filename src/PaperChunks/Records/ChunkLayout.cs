namespace PaperChunks.Records;

/// <summary>Which column names a chunk file uses for the chunk record (see <see cref="ChunkSchema.Layout"/>).</summary>
public enum ChunkLayout
{
    /// <summary>The chunked dataset's names (<see cref="ChunkColumns"/>): <c>doi</c>, <c>chunk-id</c>, <c>chunk</c>, …</summary>
    Chunked,

    /// <summary>
    /// <c>jamescalam/ai-arxiv2-semantic-chunks</c>: <c>id</c> (<c>{arxiv_id}#{index}</c>), <c>title</c>, <c>content</c>,
    /// <c>prechunk_id</c>, <c>postchunk_id</c>, <c>arxiv_id</c>, <c>references</c> (see <see cref="SemanticChunkColumns"/>).
    /// </summary>
    SemanticChunks,
}
