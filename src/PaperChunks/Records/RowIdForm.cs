namespace PaperChunks.Records;

/// <summary>What a chunk file's <c>id</c> column holds, the rule <see cref="RecordValidator"/> checks it by.</summary>
public enum RowIdForm
{
    /// <summary><c>doi#chunk-id</c>, e.g. <c>1703.04933#40</c> (the seeds, the semantic-chunks layout).</summary>
    DoiAndChunkId,

    /// <summary>The doi alone on every chunk, e.g. <c>1910.01108</c> (<c>jamescalam/ai-arxiv-chunked</c>).</summary>
    Doi,
}
