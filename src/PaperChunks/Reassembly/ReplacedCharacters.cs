namespace PaperChunks.Reassembly;

/// <summary>
/// A token window decoded from bytes (tiktoken's <c>TokenTextSplitter</c>) that starts inside a multi-byte
/// character begins with U+FFFD replacement characters where the character's other bytes were; the
/// previous chunk holds the whole character, so the overlap shows which it was.
/// </summary>
internal static class ReplacedCharacters
{
    private const char Replacement = '\uFFFD';

    /// <summary>
    /// <paramref name="next"/> with its leading replacement characters put back from <paramref name="previous"/>
    /// when the rest of it overlaps the previous chunk's end beyond chance and the previous chunk has non-ASCII
    /// characters just before that overlap; otherwise <paramref name="next"/> unchanged.
    /// </summary>
    public static string Restore(string previous, string next)
    {
        if (next.Length == 0 || next[0] != Replacement)
        {
            return next;
        }

        var replaced = next.AsSpan().IndexOfAnyExcept(Replacement);
        if (replaced < 0)
        {
            return next;
        }

        var rest = next.AsSpan(replaced);
        var borders = OverlapFinder.RawBorders(previous, rest);
        if (borders.Length == 0 || Coincidence.OfRepeat(previous, rest, borders[0], Coincidence.MinCharRate) >= Coincidence.Certain)
        {
            return next;
        }

        var start = previous.Length - borders[0];
        var whole = 0;
        while (whole < replaced && start - whole > 0 && previous[start - whole - 1] > '\x7F' && !char.IsWhiteSpace(previous[start - whole - 1]))
        {
            whole++;
        }

        return whole == 0 ? next : string.Concat(previous.AsSpan(start - whole, whole), rest);
    }
}
