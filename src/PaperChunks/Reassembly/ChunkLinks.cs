using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// Checks a semantic-chunks paper's <c>prechunk_id</c>/<c>postchunk_id</c> links against its rows in id order (the
/// order the links give when they agree with the ids): a link to a row that is not there is a gap (so a lost last or
/// first chunk is found, which the ids alone cannot show); a link to another row than the neighbour is reported.
/// </summary>
internal static class ChunkLinks
{
    /// <summary>Adds the chunk ids the links name but the paper lacks to <paramref name="missing"/>; reports disagreements.</summary>
    public static void Check(List<ChunkRecord> rows, List<long> missing, List<ChunkLinkDisagreement> disagreements)
    {
        var present = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            present.Add(row.Id);
        }

        var linkedMissing = new SortedSet<long>(missing);
        var added = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var before = i > 0 ? rows[i - 1].Id : "";
            var after = i < rows.Count - 1 ? rows[i + 1].Id : "";
            added |= One(rows[i], SemanticChunkColumns.PrechunkId, before, present, linkedMissing, disagreements);
            added |= One(rows[i], SemanticChunkColumns.PostchunkId, after, present, linkedMissing, disagreements);
        }

        if (added)
        {
            missing.Clear();
            missing.AddRange(linkedMissing);
        }
    }

    private static bool One(
        ChunkRecord row, string field, string neighbour, HashSet<string> present, SortedSet<long> missing, List<ChunkLinkDisagreement> disagreements)
    {
        if (SemanticChunkLinks.Of(row, field) is not { } link || link == neighbour)
        {
            return false;
        }

        // A link to a row of this paper that is not there: the row was lost (the gap is also the reason it differs).
        if (link.Length > 0 && !present.Contains(link) && SemanticChunkColumns.IndexOf(link) is { } index
            && link.AsSpan(0, link.LastIndexOf('#')).SequenceEqual(row.Doi))
        {
            return missing.Add(index);
        }

        disagreements.Add(new ChunkLinkDisagreement(row.Doi, row.ChunkId, field, link, neighbour));
        return false;
    }
}
