using System.Buffers;

namespace PaperChunks.Reassembly;

/// <summary>Where the overlap at a joint lies, in the original (uncollapsed) characters.</summary>
/// <param name="PreviousStart">Index in the previous text where the repeated passage starts.</param>
/// <param name="NextEnd">Index in the next chunk just past the repeated passage.</param>
internal readonly record struct Overlap(int PreviousStart, int NextEnd);

/// <summary>
/// Exact suffix/prefix search at a joint, with no assumption about the splitter: every suffix of the
/// previous chunk that is a prefix of the next, at any character position (the borders), found by a
/// prefix function (KMP) over the next chunk run over the previous chunk's tail, linear in the two
/// lengths. A second search over whitespace-collapsed copies finds the overlap a splitter (or a viewer
/// copy) changed the whitespace of. Which border, if any, is the real overlap is the regime's call
/// (<see cref="JointDecider"/>), not this class's.
/// </summary>
internal static class OverlapFinder
{
    /// <summary>Borders kept per joint, longest first: enough for a fixed window's exact overlap below a chance one.</summary>
    public const int MaxBorders = 6;

    /// <summary>Characters compared at anchor places, per character searched, before the search falls back to the prefix function.</summary>
    private const int CompareBudget = 4;

    /// <summary>Characters of the next chunk searched for in the previous one's tail to find the long borders.</summary>
    private const int AnchorChars = 8;

    /// <summary>Longest prefix of the next chunk's first word searched for in the collapsed search.</summary>
    private const int MaxWordChars = 32;

    /// <summary>
    /// The raw borders of <paramref name="previous"/> and <paramref name="next"/>, longest first (at most
    /// <see cref="MaxBorders"/>): lengths <c>L</c> with <c>previous[^L..] == next[..L]</c>.
    /// </summary>
    public static int[] RawBorders(ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
        // Only the previous chunk's last next.Length characters can overlap the next chunk.
        var window = previous[^Math.Min(previous.Length, next.Length)..];
        if (window.IsEmpty)
        {
            return [];
        }

        Span<int> found = stackalloc int[MaxBorders];
        var count = AnchoredBorders(window, next, found);
        if (count < 0)
        {
            count = KmpBorders(window, next, found);
        }

        return count == 0 ? [] : found[..count].ToArray();
    }

    /// <summary>
    /// The longest border of the whitespace-collapsed texts (runs as one space, ends trimmed) that starts
    /// and ends on word boundaries, in collapsed characters; 0 if none. The overlap a splitter or a copy
    /// changed the whitespace of.
    /// </summary>
    public static int CollapsedBorder(ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
        var first = 0;
        while (first < next.Length && char.IsWhiteSpace(next[first]))
        {
            first++;
        }

        var wordEnd = first;
        while (wordEnd < next.Length && wordEnd - first < MaxWordChars && !char.IsWhiteSpace(next[wordEnd]))
        {
            wordEnd++;
        }

        if (previous.IsEmpty || wordEnd == first)
        {
            return 0;
        }

        // Such a border holds the next chunk's whole first word and starts at a word start in the
        // previous one: where that word occurs there, each place compared until it differs. Once those
        // comparisons pass a few times the texts' length (a table of repeated figures), the prefix
        // function answers instead: linear in any input.
        var word = next[first..wordEnd];
        var budget = CompareBudget * (previous.Length + next.Length);
        for (var from = 0; from < previous.Length;)
        {
            var at = previous[from..].IndexOf(word, StringComparison.Ordinal);
            if (at < 0)
            {
                return 0;
            }

            at += from;
            if (at == 0 || char.IsWhiteSpace(previous[at - 1]))
            {
                if (CollapsedMatchToEnd(previous, at, next, first, ref budget) is var length and > 0)
                {
                    return length;
                }

                if (budget < 0)
                {
                    return CollapsedBorderByKmp(previous, next);
                }
            }

            from = at + 1;
        }

        return 0;
    }

    /// <summary>The same answer as <see cref="CollapsedBorder"/> by a prefix function over the collapsed texts.</summary>
    internal static int CollapsedBorderByKmp(ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
        // Only the previous chunk's collapsed tail as long as the whole collapsed next chunk can overlap it.
        // One character more keeps the word boundary before that tail visible.
        var start = StartOfCollapsedSuffix(previous, CollapsedLength(next));
        previous = previous[Math.Max(0, start - 1)..];
        if (previous.IsEmpty || next.IsEmpty)
        {
            return 0;
        }

        var prevChars = ArrayPool<char>.Shared.Rent(previous.Length);
        var nextChars = ArrayPool<char>.Shared.Rent(next.Length);
        var prefix = ArrayPool<int>.Shared.Rent(next.Length);
        try
        {
            var p = Collapse(previous, prevChars);
            var n = Collapse(next, nextChars);
            if (p == 0 || n == 0)
            {
                return 0;
            }

            var prev = prevChars.AsSpan(0, p);
            var nxt = nextChars.AsSpan(0, n);
            for (var length = Longest(prev, nxt, prefix); length > 0; length = prefix[length - 1])
            {
                var from = p - length;
                if ((from == 0 || prev[from - 1] == ' ') && (length == n || nxt[length] == ' '))
                {
                    return length;
                }
            }

            return 0;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(prevChars);
            ArrayPool<char>.Shared.Return(nextChars);
            ArrayPool<int>.Shared.Return(prefix);
        }
    }

    /// <summary>The raw borders by a prefix function (KMP): linear in any input, for the rare joint with many anchor places.</summary>
    internal static int KmpBorders(ReadOnlySpan<char> window, ReadOnlySpan<char> next, Span<int> found)
    {
        var prefix = ArrayPool<int>.Shared.Rent(next.Length);
        try
        {
            var count = 0;
            for (var length = Longest(window, next, prefix); length > 0 && count < found.Length; length = prefix[length - 1])
            {
                found[count++] = length;
            }

            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(prefix);
        }
    }

    /// <summary>
    /// The raw borders where the next chunk's first <see cref="AnchorChars"/> characters occur in the
    /// window (a vectorized search; each place checked whole), then the shorter ones one by one;
    /// -1 once the places would cost more than <see cref="CompareBudget"/> times the window to check.
    /// </summary>
    private static int AnchoredBorders(ReadOnlySpan<char> window, ReadOnlySpan<char> next, Span<int> found)
    {
        var anchor = next[..Math.Min(AnchorChars, window.Length)];
        int count = 0, budget = CompareBudget * window.Length;
        for (var from = 0; count < found.Length && from <= window.Length - anchor.Length;)
        {
            var at = window[from..].IndexOf(anchor);
            if (at < 0)
            {
                break;
            }

            at += from;
            if ((budget -= window.Length - at) < 0)
            {
                return -1;
            }

            if (window[at..].SequenceEqual(next[..(window.Length - at)]))
            {
                found[count++] = window.Length - at;
            }

            from = at + 1;
        }

        for (var length = anchor.Length - 1; length > 0 && count < found.Length; length--)
        {
            if (window.EndsWith(next[..length]))
            {
                found[count++] = length;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether <c>previous[start..]</c> equals a prefix of <c>next[nextStart..]</c> with whitespace runs
    /// collapsed, ending on a word boundary in <paramref name="next"/>; if so its collapsed length, else 0
    /// (<paramref name="budget"/> is charged one per character of the previous text compared).
    /// </summary>
    private static int CollapsedMatchToEnd(ReadOnlySpan<char> previous, int start, ReadOnlySpan<char> next, int nextStart, ref int budget)
    {
        int p = start, n = nextStart, length = 0;
        while (p < previous.Length)
        {
            if (char.IsWhiteSpace(previous[p]))
            {
                while (p < previous.Length && char.IsWhiteSpace(previous[p]))
                {
                    p++;
                }

                if (p == previous.Length)
                {
                    break;
                }

                if (n == next.Length || !char.IsWhiteSpace(next[n]))
                {
                    budget -= p - start;
                    return 0;
                }

                while (n < next.Length && char.IsWhiteSpace(next[n]))
                {
                    n++;
                }

                length++;
                continue;
            }

            if (n == next.Length || next[n] != previous[p])
            {
                budget -= p - start + 1;
                return 0;
            }

            p++;
            n++;
            length++;
        }

        budget -= p - start;
        return n == next.Length || char.IsWhiteSpace(next[n]) ? length : 0;
    }

    /// <summary>
    /// Places a collapsed border of <paramref name="collapsedLength"/> characters on the uncollapsed texts:
    /// where it starts in <paramref name="previous"/> and ends in <paramref name="next"/>; null if the
    /// collapsed texts do not actually share it there.
    /// </summary>
    public static Overlap? PlaceCollapsed(ReadOnlySpan<char> previous, ReadOnlySpan<char> next, int collapsedLength)
    {
        var start = StartOfCollapsedSuffix(previous, collapsedLength);
        var end = EndOfCollapsedPrefix(next, collapsedLength);
        if (start < 0 || end < 0 || !SameCollapsed(previous[start..], next[..end]))
        {
            return null;
        }

        return new Overlap(start, end);
    }

    /// <summary>Number of characters <paramref name="text"/> has collapsed (whitespace runs as one, ends trimmed).</summary>
    public static int CollapsedLength(ReadOnlySpan<char> text)
    {
        int count = 0;
        var pending = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = count > 0;
                continue;
            }

            count += pending ? 2 : 1;
            pending = false;
        }

        return count;
    }

    /// <summary>Copies <paramref name="source"/> with whitespace runs as one space and the ends trimmed.</summary>
    private static int Collapse(ReadOnlySpan<char> source, Span<char> chars)
    {
        var count = 0;
        var pending = false;
        foreach (var c in source)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = count > 0;
                continue;
            }

            if (pending)
            {
                chars[count++] = ' ';
                pending = false;
            }

            chars[count++] = c;
        }

        return count;
    }

    /// <summary>Whether the two texts are equal with whitespace runs as one space and the ends trimmed.</summary>
    public static bool SameCollapsed(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            var (sa, sb) = (SkipSpace(a, ref i), SkipSpace(b, ref j));
            var (endA, endB) = (i == a.Length, j == b.Length);
            if (endA || endB)
            {
                return endA && endB;
            }

            if (sa != sb || a[i] != b[j])
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>Skips whitespace at <paramref name="i"/>; whether any was skipped after the first character.</summary>
    private static bool SkipSpace(ReadOnlySpan<char> s, ref int i)
    {
        var from = i;
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i > from && from > 0;
    }

    /// <summary>Index in <paramref name="text"/> where its last <paramref name="length"/> collapsed characters start; -1 if shorter.</summary>
    private static int StartOfCollapsedSuffix(ReadOnlySpan<char> text, int length)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var count = 0;
        for (var i = end - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                while (i > 0 && char.IsWhiteSpace(text[i - 1]))
                {
                    i--;
                }
            }

            if (++count == length)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index in <paramref name="text"/> just past its first <paramref name="length"/> collapsed characters; -1 if shorter.</summary>
    public static int EndOfCollapsedPrefix(ReadOnlySpan<char> text, int length)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var count = 0;
        for (; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                while (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
                {
                    i++;
                }
            }

            if (++count == length)
            {
                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Fills <paramref name="prefix"/> with the prefix function of <paramref name="next"/> and returns the
    /// length of the longest suffix of <paramref name="prev"/> that is a prefix of it.
    /// </summary>
    private static int Longest(ReadOnlySpan<char> prev, ReadOnlySpan<char> next, int[] prefix)
    {
        var m = next.Length;

        // prefix[i]: length of the longest proper border of next[..(i + 1)].
        prefix[0] = 0;
        for (int i = 1, k = 0; i < m; i++)
        {
            while (k > 0 && next[i] != next[k])
            {
                k = prefix[k - 1];
            }

            if (next[i] == next[k])
            {
                k++;
            }

            prefix[i] = k;
        }

        // Only the last m characters of prev can overlap next.
        var q = 0;
        foreach (var c in prev[Math.Max(0, prev.Length - m)..])
        {
            while (q > 0 && (q == m || next[q] != c))
            {
                q = prefix[q - 1];
            }

            if (next[q] == c)
            {
                q++;
            }
        }

        return q;
    }
}
