using System.Buffers;

namespace PaperChunks.Reassembly;

/// <summary>Where the overlap at a joint lies, in the original (uncollapsed) characters.</summary>
/// <param name="PreviousStart">Index in the previous text where the repeated passage starts.</param>
/// <param name="NextEnd">Index in the next chunk just past the repeated passage.</param>
internal readonly record struct Overlap(int PreviousStart, int NextEnd);

/// <summary>
/// Finds the passage a recursive character splitter repeated at a joint: the longest suffix of the
/// previous text that is a prefix of the next chunk, compared with whitespace runs collapsed to one
/// space and the ends trimmed. The match must start and end on word boundaries (the splitter's
/// separators are whitespace) and be at least the minimum length, so chance matches are not merged.
/// Linear in the two lengths: a prefix function over the next chunk, run over the previous tail (KMP).
/// </summary>
internal static class OverlapFinder
{
    public static Overlap? Find(ReadOnlySpan<char> previous, ReadOnlySpan<char> next, int minChars)
    {
        if (previous.IsEmpty || next.IsEmpty || !MayOverlap(previous, next))
        {
            return null;
        }

        var prevChars = ArrayPool<char>.Shared.Rent(previous.Length);
        var prevMap = ArrayPool<int>.Shared.Rent(previous.Length);
        var nextChars = ArrayPool<char>.Shared.Rent(next.Length);
        var nextMap = ArrayPool<int>.Shared.Rent(next.Length);
        var prefix = ArrayPool<int>.Shared.Rent(next.Length);
        try
        {
            var p = Collapse(previous, prevChars, prevMap);
            var n = Collapse(next, nextChars, nextMap);
            var length = Longest(prevChars.AsSpan(0, p), nextChars.AsSpan(0, n), prefix, minChars);
            return length == 0 ? null : new Overlap(prevMap[p - length], nextMap[length - 1] + 1);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(prevChars);
            ArrayPool<int>.Shared.Return(prevMap);
            ArrayPool<char>.Shared.Return(nextChars);
            ArrayPool<int>.Shared.Return(nextMap);
            ArrayPool<int>.Shared.Return(prefix);
        }
    }

    /// <summary>
    /// A cheap exact filter: an overlap ends on a word boundary in the next chunk, so it contains the
    /// next chunk's whole first word, which must then occur in the previous text. Most joints have no
    /// overlap and stop here with one vectorized search.
    /// </summary>
    private static bool MayOverlap(ReadOnlySpan<char> previous, ReadOnlySpan<char> next)
    {
        var start = 0;
        while (start < next.Length && char.IsWhiteSpace(next[start]))
        {
            start++;
        }

        // At most 32 characters of it: enough to reject, and short enough to keep the search linear.
        var end = start;
        while (end < next.Length && end - start < 32 && !char.IsWhiteSpace(next[end]))
        {
            end++;
        }

        return end > start && previous.IndexOf(next[start..end], StringComparison.Ordinal) >= 0;
    }

    /// <summary>
    /// Copies <paramref name="source"/> with whitespace runs as one space and the ends trimmed;
    /// <paramref name="map"/>[k] is the source index of output character k.
    /// </summary>
    internal static int Collapse(ReadOnlySpan<char> source, Span<char> chars, Span<int> map)
    {
        var count = 0;
        var pendingSpace = -1;
        for (var i = 0; i < source.Length; i++)
        {
            if (char.IsWhiteSpace(source[i]))
            {
                if (count > 0 && pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0)
            {
                chars[count] = ' ';
                map[count++] = pendingSpace;
                pendingSpace = -1;
            }

            chars[count] = source[i];
            map[count++] = i;
        }

        return count;
    }

    /// <summary>Length of the longest acceptable suffix of <paramref name="prev"/> that prefixes <paramref name="next"/>, or 0.</summary>
    private static int Longest(ReadOnlySpan<char> prev, ReadOnlySpan<char> next, int[] prefix, int minChars)
    {
        var m = next.Length;
        if (m == 0 || prev.IsEmpty)
        {
            return 0;
        }

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

        // Run the automaton over the only part of prev that can overlap: its last m characters.
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

        // q is the longest suffix/prefix match; walk the border chain down to the first on word boundaries.
        for (var length = q; length >= minChars; length = prefix[length - 1])
        {
            var start = prev.Length - length;
            if ((start == 0 || prev[start - 1] == ' ') && (length == m || next[length] == ' '))
            {
                return length;
            }
        }

        return 0;
    }
}
