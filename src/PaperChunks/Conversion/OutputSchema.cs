using PaperChunks.Records;

namespace PaperChunks.Conversion;

/// <summary>Which column types a conversion writes chunk rows with (see <see cref="ChunkSchema"/>).</summary>
public enum OutputSchema
{
    /// <summary>The source's: each column stored as the input stores it (<c>chunk-id</c> a string of digits, joined <c>authors</c>, the semantic-chunks names), so a round trip gives the input back.</summary>
    Source,

    /// <summary>The typed schema (<see cref="ChunkSchema.ToCanonical"/>): <c>chunk-id</c> int64, lists of strings, <c>references</c> a list of <c>{id}</c>, the chunked dataset's column names.</summary>
    Canonical,
}
