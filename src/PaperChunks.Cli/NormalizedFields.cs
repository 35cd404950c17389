using PaperChunks.Formats;
using PaperChunks.Records;

namespace PaperChunks.Cli;

/// <summary>
/// Refuses a <c>--field</c> that names no text field of the input's record kind (<c>--field chunkz</c> would
/// otherwise normalize nothing, silently). The names are the fields <see cref="Text.RecordNormalizer"/> visits;
/// rows of any other column set (generic rows) take any name.
/// </summary>
internal static class NormalizedFields
{
    private static readonly string[] Chunk =
    [
        ChunkColumns.Chunk, ChunkColumns.Title, ChunkColumns.Summary, ChunkColumns.Doi, ChunkColumns.Id, ChunkColumns.Source,
        ChunkColumns.Authors, ChunkColumns.Categories, ChunkColumns.Comment, ChunkColumns.JournalRef, ChunkColumns.PrimaryCategory,
    ];

    private static readonly string[] Summarization = [SummarizationColumns.Source, SummarizationColumns.Target, SummarizationColumns.Title];

    private static readonly string[] PaperSummary =
    [
        PaperSummaryColumns.Title, PaperSummaryColumns.AuthorsText, PaperSummaryColumns.Authors, PaperSummaryColumns.Venue,
        PaperSummaryColumns.Keywords, PaperSummaryColumns.Abstract, PaperSummaryColumns.Summary,
    ];

    /// <summary>Throws a usage error for the first field that <paramref name="kind"/> rows do not have.</summary>
    /// <param name="fields">The <c>--field</c> values.</param>
    /// <param name="kind">The record kind of the input.</param>
    /// <param name="kindName">How the kind is called in messages (<c>chunk</c>).</param>
    public static void Check(IReadOnlyList<string> fields, RecordKind kind, string kindName)
    {
        var known = kind switch
        {
            RecordKind.Chunk => Chunk,
            RecordKind.Summarization => Summarization,
            RecordKind.PaperSummary => PaperSummary,
            _ => null,
        };
        var unknown = known is null ? null : fields.FirstOrDefault(f => Array.IndexOf(known, f) < 0);
        if (unknown is not null)
        {
            throw new UsageException($"--field {unknown}: {kindName} rows have no text field \"{unknown}\"; expected one of {string.Join(", ", known!)}");
        }
    }
}
