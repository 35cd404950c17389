using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>The paper-level fields every chunk row repeats, compared across one paper's rows.</summary>
internal static class MetadataFields
{
    private static readonly string[] Names =
    [
        ChunkColumns.Title, ChunkColumns.Summary, ChunkColumns.Source, ChunkColumns.Authors,
        ChunkColumns.Categories, ChunkColumns.Comment, ChunkColumns.JournalRef, ChunkColumns.PrimaryCategory,
        ChunkColumns.Published, ChunkColumns.Updated, ChunkColumns.References,
    ];

    public static int Count => Names.Length;

    public static string Name(int field) => Names[field];

    /// <summary>Whether two rows carry the same paper metadata (so one copy can serve both).</summary>
    public static bool AllSame(ChunkRecord a, ChunkRecord b)
    {
        for (var f = 0; f < Names.Length; f++)
        {
            if (!Same(f, a, b))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Same(int field, ChunkRecord a, ChunkRecord b) => field switch
    {
        0 => a.Title == b.Title,
        1 => a.Summary == b.Summary,
        2 => a.Source == b.Source,
        3 => SameList(a.Authors, b.Authors),
        4 => SameList(a.Categories, b.Categories),
        5 => a.Comment == b.Comment,
        6 => a.JournalRef == b.JournalRef,
        7 => a.PrimaryCategory == b.PrimaryCategory,
        8 => a.Published == b.Published,
        9 => a.Updated == b.Updated,
        10 => SameList(a.References, b.References),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    // Rows of one paper out of the sort share their lists; the element walk is for the rest.
    private static bool SameList<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) => ReferenceEquals(a, b) || a.SequenceEqual(b);
}
