namespace PaperChunks.Records;

/// <summary>
/// How a chunk file stores one of the columns whose on-disk type varies between published datasets
/// (see <see cref="ChunkSchema"/>). The typed record is the same whichever type the file uses.
/// </summary>
public enum ChunkColumnType
{
    /// <summary>An integer number (JSON number, Parquet int64): <c>chunk-id</c> in the canonical schema.</summary>
    Number,

    /// <summary>A string: <c>chunk-id</c> as a string of digits (<c>"0"</c>, as <c>jamescalam/ai-arxiv-chunked</c> stores it).</summary>
    DigitString,

    /// <summary>A list of strings: <c>authors</c> and <c>categories</c> canonically; <c>references</c> as bare arXiv ids.</summary>
    StringList,

    /// <summary>One string of items joined by <c>", "</c>: <c>authors</c>/<c>categories</c> as the seeds' viewer header types them (<c>stringlengths</c>).</summary>
    CommaSeparatedString,

    /// <summary>A list of <c>{"id": …}</c> objects (Parquet <c>list&lt;struct&lt;id: string&gt;&gt;</c>): <c>references</c> canonically.</summary>
    IdStructList,
}
