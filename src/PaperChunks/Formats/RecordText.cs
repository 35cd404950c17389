using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// Finds the first string of a record that UTF-8 cannot hold: one with a surrogate that has no partner
/// (<c>"left \udc00 right"</c>, possible in any .NET string). Every output format is UTF-8 (JSON Lines, CSV
/// and Parquet text alike), and the readers refuse a <c>\udc00</c> escape, so a writer that took such a string
/// would replace or cut it silently; <see cref="RecordWriter{T}"/> refuses the record instead.
/// </summary>
internal static class RecordText
{
    /// <summary>The on-disk field name and the offending character's offset, or null when every string is well formed.</summary>
    public static (string Field, int Offset, char Char)? FindUnpaired<T>(T record) => record switch
    {
        ChunkRecord c => Chunk(c),
        SummarizationRecord s => Summarization(s),
        PaperSummaryRecord p => PaperSummary(p),
        PaperRecord p => Paper(p),
        GenericRecord g => Extra(g.Fields),
        _ => null,
    };

    private static (string, int, char)? Chunk(ChunkRecord r) =>
        Check(ChunkColumns.Doi, r.Doi) ?? Check(ChunkColumns.Chunk, r.Chunk) ?? Check(ChunkColumns.Id, r.Id)
        ?? Check(ChunkColumns.Title, r.Title) ?? Check(ChunkColumns.Summary, r.Summary) ?? Check(ChunkColumns.Source, r.Source)
        ?? Check(ChunkColumns.Authors, r.Authors) ?? Check(ChunkColumns.Categories, r.Categories)
        ?? Check(ChunkColumns.Comment, r.Comment) ?? Check(ChunkColumns.JournalRef, r.JournalRef)
        ?? Check(ChunkColumns.PrimaryCategory, r.PrimaryCategory) ?? Check(ChunkColumns.Published, r.Published)
        ?? Check(ChunkColumns.Updated, r.Updated) ?? References(r.References) ?? Extra(r.ExtraFields);

    private static (string, int, char)? Paper(PaperRecord r) =>
        Check(ChunkColumns.Doi, r.Doi) ?? Check(PaperColumns.Text, r.Text)
        ?? Check(ChunkColumns.Title, r.Title) ?? Check(ChunkColumns.Summary, r.Summary) ?? Check(ChunkColumns.Source, r.Source)
        ?? Check(ChunkColumns.Authors, r.Authors) ?? Check(ChunkColumns.Categories, r.Categories)
        ?? Check(ChunkColumns.Comment, r.Comment) ?? Check(ChunkColumns.JournalRef, r.JournalRef)
        ?? Check(ChunkColumns.PrimaryCategory, r.PrimaryCategory) ?? Check(ChunkColumns.Published, r.Published)
        ?? Check(ChunkColumns.Updated, r.Updated) ?? References(r.References);

    private static (string, int, char)? Summarization(SummarizationRecord r) =>
        Check(SummarizationColumns.Source, r.Source) ?? Check(SummarizationColumns.PaperId, r.PaperId)
        ?? Check(SummarizationColumns.Target, r.Target) ?? Check(SummarizationColumns.Title, r.Title) ?? Extra(r.ExtraFields);

    private static (string, int, char)? PaperSummary(PaperSummaryRecord r) =>
        Check(PaperSummaryColumns.Title, r.Title) ?? Check(PaperSummaryColumns.AuthorsText, r.AuthorsText)
        ?? Check(PaperSummaryColumns.Authors, r.Authors) ?? Check(PaperSummaryColumns.Venue, r.Venue)
        ?? Check(PaperSummaryColumns.ListedVia, r.ListedVia) ?? Check(PaperSummaryColumns.Keywords, r.Keywords)
        ?? Check(PaperSummaryColumns.Abstract, r.Abstract) ?? Check(PaperSummaryColumns.Summary, r.Summary);

    private static (string, int, char)? References(IReadOnlyList<PaperReference> references)
    {
        foreach (var reference in references)
        {
            if (Check(ChunkColumns.References, reference.Id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (string, int, char)? Extra(IReadOnlyList<ExtraField> fields)
    {
        foreach (var field in fields)
        {
            if ((Check(field.Name, field.Name) ?? Check(field.Name, field.Json)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (string, int, char)? Check(string field, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            if (Check(field, value) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static (string, int, char)? Check(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        // Most text has no surrogate at all; the vectorized search keeps the check off the profile.
        var span = value.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0 && i < span.Length)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                var next = span[(i + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
                i = next < 0 ? -1 : i + 2 + next;
                continue;
            }

            return (field, i, span[i]);
        }

        return null;
    }
}
