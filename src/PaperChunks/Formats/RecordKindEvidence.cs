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
        (RecordKind.Chunk, [SemanticChunkColumns.Id, SemanticChunkColumns.Content, SemanticChunkColumns.ArxivId], SemanticChunkColumns.All),
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
    /// The kind of a header (CSV, a viewer copy, a Parquet schema): all required columns, or, for a damaged
    /// header, two of the three required columns among at least four of the kind's columns that make at least
    /// two thirds of the header. A column of the kind also counts when a cell that is no column of any kind is a
    /// piece of its name, at least half as long: what a cut at the start or end (<c>hunk-id</c>, <c>chunk-i</c>)
    /// or one changed, lost or added byte (<c>toi</c>) leaves of it. A generic file that shares a few names (a
    /// papers file has <c>doi</c> and <c>title</c> but no <c>chunk-id</c> or <c>chunk</c>) stays generic. A
    /// header that lost its start (it begins at <c>chunk</c> or a piece of it, <c>doi</c> and <c>chunk-id</c>
    /// gone) keeps its kind too.
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
            var unknown = set.Where(n => !IsKnown(n)).ToList();
            var damaged = required.Where(r => !set.Contains(r) && unknown.Exists(u => IsPieceOf(u, r))).ToList();

            // Each damaged cell counts once, for whichever of the kind's columns it is a piece of: one bit flip in a
            // zstd back-reference damaged both "source" and "source_labels" ("tource", "tource_labels").
            var known = all.Count(set.Contains) + unknown.Count(u => all.Any(c => !set.Contains(c) && IsPieceOf(u, c)));
            var accounted = required.Count(set.Contains) + damaged.Count;
            var enough = accounted >= 2 || LostItsStart(names.ToList(), required);

            // Every required column there, one of them damaged: a header cut short after them ("doi, chunk-if,
            // chunk") is the kind's even with fewer than four columns.
            var whole = accounted == required.Length && known == set.Count;
            if (enough && (known >= 4 || whole) && known * 3 >= set.Count * 2)
            {
                return kind;
            }
        }

        return RecordKind.Generic;
    }

    /// <summary>
    /// Whether a copy's cells (in file order) show chunk rows whatever their header says: a cell
    /// <c>doi#chunk-id</c> (a chunk row's <c>id</c>) after the two cells <c>doi</c> and <c>chunk-id</c> side by
    /// side, as every chunk row of the dataset has them. A header damaged at its start (a cut, a duplicated
    /// piece, a broken type word that ends it early) can lose every chunk column name; the rows below still
    /// say what the file holds, and no other kind's rows pair a cell with itself plus <c>#</c> and the next cell.
    /// </summary>
    public static bool ShowsChunkIds(IEnumerable<string> cells)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var cell in cells)
        {
            if (expected.Contains(cell))
            {
                return true;
            }

            if (previous is { Length: >= 4 } doi && !doi.Any(char.IsWhiteSpace) && cell.Length > 0 && cell.All(char.IsAsciiDigit))
            {
                expected.Add($"{doi}#{cell}");
            }

            previous = cell;
        }

        return false;
    }

    /// <summary>
    /// The kind of self-describing rows (JSON Lines): each row's names vote; the most frequent known kind wins
    /// unless more rows are generic than of that kind. A damaged row (invalid JSON, or cut by the end of the
    /// file) votes only for the kind its names before the damage show: damage is no evidence of generic rows.
    /// No votes at all is no evidence against the default, chunks.
    /// </summary>
    public static RecordKind FromRows(IEnumerable<(IReadOnlyList<string> Names, bool Damaged)> rows) =>
        Vote(rows.Where(r => !r.Damaged || Exact(r.Names) != RecordKind.Generic).Select(r => r.Names));

    private static RecordKind Vote(IEnumerable<IEnumerable<string>> rows)
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

    // A header that lost its start (a copy cut or damaged in its first bytes) begins at a later required column,
    // or a piece of it, perhaps after one damaged cell, with every required column before that one gone: "hunk, id, title, …" lost doi and
    // chunk-id. A papers header begins at doi and lacks the required columns after it, so it does not qualify.
    private static bool LostItsStart(List<string> header, string[] required)
    {
        if (header.Count == 0)
        {
            return false;
        }

        // One damaged cell may come first: "" or "\uFFFD(" where a cut or an inserted byte left no name, or a name
        // the header has again later ("id" left of "chunk-id").
        var damagedFirst = (!IsKnown(header[0]) && !required.Any(r => IsPieceOf(header[0], r))) || header.Skip(1).Contains(header[0]);
        var start = header.Count > 1 && damagedFirst ? 1 : 0;
        var first = header[start];
        var at = Array.FindIndex(required, r => r == first || (!IsKnown(first) && IsPieceOf(first, r)));
        return at > 0 && required.Take(at).All(r => !header.Contains(r)) && required.Skip(at + 1).All(header.Contains);
    }

    // A name of any kind (or of a papers file) is that column, not a piece of another one ("authors" is no cut
    // "authors_text", nor "text").
    private static bool IsKnown(string name) =>
        Kinds.Any(k => k.All.Contains(name)) || name is PaperColumns.Text or PaperColumns.ChunkCount or PaperColumns.Spans;

    // Two bytes and half the name at least: a short piece fits too many names to be evidence.
    private static bool IsPieceOf(string cell, string name) =>
        cell.Length >= 2 && cell.Length * 2 >= name.Length
        && (name.StartsWith(cell, StringComparison.Ordinal) || name.EndsWith(cell, StringComparison.Ordinal) || OneEditApart(cell, name));

    // One byte changed, lost or added (a bit flip, a deleted or an inserted byte).
    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)])
        {
            end++;
        }

        return Math.Max(a.Length, b.Length) - start - end <= 1;
    }
}
