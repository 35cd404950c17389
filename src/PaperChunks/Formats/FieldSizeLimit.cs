using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// <see cref="ReaderOptions.MaxFieldChars"/> for every record type, checked once per record in
/// <see cref="RecordReader{T}"/> so that each format enforces it the same way. Memory while parsing is
/// bounded by <see cref="ReaderOptions.MaxRowBytes"/>; this limit keeps one oversized cell (a whole paper
/// pasted into <c>title</c>) from reaching writers and the normalizer downstream.
/// </summary>
internal static class FieldSizeLimit
{
    /// <summary>The first field (on-disk name) longer than <paramref name="max"/> characters, and its length.</summary>
    public static (string Field, long Length)? FirstOversized(object record, int max) => record switch
    {
        ChunkRecord c => First(max, (ChunkColumns.Doi, c.Doi), (ChunkColumns.Chunk, c.Chunk), (ChunkColumns.Id, c.Id), (ChunkColumns.Title, c.Title),
            (ChunkColumns.Summary, c.Summary), (ChunkColumns.Source, c.Source), (ChunkColumns.Comment, c.Comment), (ChunkColumns.JournalRef, c.JournalRef),
            (ChunkColumns.PrimaryCategory, c.PrimaryCategory), (ChunkColumns.Published, c.Published), (ChunkColumns.Updated, c.Updated))
            ?? Items(max, ChunkColumns.Authors, c.Authors) ?? Items(max, ChunkColumns.Categories, c.Categories) ?? Extras(max, c.ExtraFields),
        SummarizationRecord s => First(max, (SummarizationColumns.PaperId, s.PaperId), (SummarizationColumns.Title, s.Title))
            ?? Items(max, SummarizationColumns.Source, s.Source) ?? Items(max, SummarizationColumns.Target, s.Target) ?? Extras(max, s.ExtraFields),
        PaperSummaryRecord p => First(max, (PaperSummaryColumns.Title, p.Title), (PaperSummaryColumns.AuthorsText, p.AuthorsText), (PaperSummaryColumns.Venue, p.Venue),
            (PaperSummaryColumns.ListedVia, p.ListedVia), (PaperSummaryColumns.Abstract, p.Abstract), (PaperSummaryColumns.Summary, p.Summary))
            ?? Items(max, PaperSummaryColumns.Authors, p.Authors) ?? Items(max, PaperSummaryColumns.Keywords, p.Keywords),
        GenericRecord g => Extras(max, g.Fields),
        _ => null,
    };

    private static (string, long)? First(int max, params ReadOnlySpan<(string Name, string? Value)> fields)
    {
        foreach (var (name, value) in fields)
        {
            if (value is { Length: var length } && length > max)
            {
                return (name, length);
            }
        }

        return null;
    }

    private static (string, long)? Items(int max, string name, IReadOnlyList<string> items)
    {
        long total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            total += items[i].Length;
        }

        return total > max ? (name, total) : null;
    }

    private static (string, long)? Extras(int max, IReadOnlyList<ExtraField> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Json.Length > max)
            {
                return (fields[i].Name, fields[i].Json.Length);
            }
        }

        return null;
    }
}
