namespace PaperChunks.Records;

/// <summary>
/// A list stored as one string joined by <c>", "</c> (<c>cs.IR, cs.CL</c>). Splitting on exactly the separator
/// and joining with it are inverses, so such a column is written back byte for byte; the empty string is the
/// empty list.
/// </summary>
internal static class JoinedList
{
    public const string Separator = ", ";

    public static IReadOnlyList<string> Split(string text) => text.Length == 0 ? [] : text.Split(Separator);

    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(Separator, items),
    };
}
