using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// Tells a file's record kind from what the whole sample shows, so that damage to one row or one header cell
/// does not turn a chunk file into "generic rows" (where nothing is checked and every row passes). The reader
/// then reports the damaged row or the missing column at its place, like any other damage.
/// </summary>
internal static class RecordKindEvidence
{
    private static readonly (RecordKind Kind, string[] Required, IReadOnlyList<string> All)[] Kinds =
    [
        (RecordKind.Chunk, [ChunkColumns.Doi, ChunkColumns.ChunkId, ChunkColumns.Chunk], ChunkColumns.All),
        (RecordKind.Summarization, [SummarizationColumns.Source, SummarizationColumns.PaperId, SummarizationColumns.Target], SummarizationColumns.All),
        (RecordKind.PaperSummary, [PaperSummaryColumns.Title, PaperSummaryColumns.AuthorsText, PaperSummaryColumns.Summary], PaperSummaryColumns.All),
    ];

    /// <summary>The kind whose required columns are all among <paramref name="names"/>, else generic.</summary>
    public static RecordKind Exact(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        foreach (var (kind, required, _) in Kinds)
        {
            if (required.All(set.Contains))
            {
                return kind;
            }
        }

        return RecordKind.Generic;
    }

    /// <summary>
    /// The kind of a header (CSV, a viewer copy, a Parquet schema): all required columns, or, for a header
    /// with one damaged cell, two of the three required columns among at least four of the kind's columns
    /// that make at least two thirds of the header. A generic file that shares a few names (a papers file
    /// has <c>doi</c> and <c>title</c> but no <c>chunk-id</c> or <c>chunk</c>) stays generic.
    /// </summary>
    public static RecordKind FromHeader(IReadOnlyCollection<string> names)
    {
        var exact = Exact(names);
        if (exact != RecordKind.Generic)
        {
            return exact;
        }

        var set = names.ToHashSet(StringComparer.Ordinal);
        foreach (var (kind, required, all) in Kinds)
        {
            var known = all.Count(set.Contains);
            if (required.Count(set.Contains) >= 2 && known >= 4 && known * 3 >= set.Count * 2)
            {
                return kind;
            }
        }

        return RecordKind.Generic;
    }

    /// <summary>
    /// The kind of self-describing rows (JSON Lines): each row's names vote; the most frequent known kind wins
    /// unless more rows are generic than of that kind. No rows at all is no evidence against the default, chunks.
    /// </summary>
    public static RecordKind FromRows(IEnumerable<IEnumerable<string>> rows)
    {
        var votes = new Dictionary<RecordKind, int>();
        foreach (var names in rows)
        {
            var kind = Exact(names);
            votes[kind] = votes.GetValueOrDefault(kind) + 1;
        }

        if (votes.Count == 0)
        {
            return RecordKind.Chunk;
        }

        var generic = votes.GetValueOrDefault(RecordKind.Generic);
        var best = votes.Where(v => v.Key != RecordKind.Generic).OrderByDescending(v => v.Value).FirstOrDefault();
        return best.Value > 0 && best.Value >= generic ? best.Key : RecordKind.Generic;
    }
}
