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

    /// <summary>
    /// The raw borders of <paramref name="previous"/> and <paramref name="next"/>, longest first (at most
    /// <see cref="MaxBorders"/>): lengths <c>L</c> with <c>previous[^L..] == next[..L]</c>.
    /// </summary>
    public static int[] RawBorders(ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
        if (previous.IsEmpty || next.IsEmpty)
        {
            return [];
        }

        var prefix = ArrayPool<int>.Shared.Rent(next.Length);
        try
        {
            var q = Longest(previous, next, prefix);
            var count = 0;
            Span<int> found = stackalloc int[MaxBorders];
            for (var length = q; length > 0 && count < MaxBorders; length = prefix[length - 1])
            {
                found[count++] = length;
            }

            return found[..count].ToArray();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(prefix);
        }
    }

    /// <summary>
    /// The longest border of the whitespace-collapsed texts (runs as one space, ends trimmed) that starts
    /// and ends on word boundaries, in collapsed characters; 0 if none. The overlap a splitter or a copy
    /// changed the whitespace of.
    /// </summary>
    public static int CollapsedBorder(ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
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
                var start = p - length;
                if ((start == 0 || prev[start - 1] == ' ') && (length == n || nxt[length] == ' '))
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

    private static int EndOfCollapsedPrefix(ReadOnlySpan<char> text, int length)
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
