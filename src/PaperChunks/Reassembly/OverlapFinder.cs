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
/// Linear in the two lengths: a few direct checks where the next chunk's first word occurs, else a
/// prefix function over the next chunk run over the previous tail (KMP).
/// </summary>
internal static class OverlapFinder
{
    /// <summary>Candidate starts checked one by one before the search falls back to KMP.</summary>
    private const int MaxCandidates = 8;

    /// <summary>Longest prefix of the next chunk's first word searched for (keeps the search linear).</summary>
    private const int MaxWordChars = 32;

    /// <summary>
    /// The overlap at a joint, or <see langword="null"/>. An overlap ends on a word boundary in the
    /// next chunk, so it holds that chunk's whole first word, and it starts on a word boundary in the
    /// previous text: its start is one of the places where the first word occurs there. Most joints
    /// have none or one; each is checked directly. Past <see cref="MaxCandidates"/> (a table of repeated
    /// figures) the linear KMP search over the collapsed texts answers instead.
    /// </summary>
    public static Overlap? Find(ReadOnlySpan<char> previous, ReadOnlySpan<char> next, int minChars)
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
            return null;
        }

        var word = next[first..wordEnd];
        var candidates = 0;
        for (var from = 0; from < previous.Length;)
        {
            var at = previous[from..].IndexOf(word, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            at += from;
            if (at == 0 || char.IsWhiteSpace(previous[at - 1]))
            {
                if (++candidates > MaxCandidates)
                {
                    return FindByKmp(previous, next, minChars);
                }

                if (MatchToEnd(previous, at, next, first, minChars) is { } nextEnd)
                {
                    return new Overlap(at, nextEnd);
                }
            }

            from = at + 1;
        }

        return null;
    }

    /// <summary>The same answer as <see cref="Find"/> by a prefix function over the collapsed texts: linear in any input.</summary>
    internal static Overlap? FindByKmp(ReadOnlySpan<char> previous, ReadOnlySpan<char> next, int minChars)
    {
        if (previous.IsEmpty || next.IsEmpty)
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
    /// Whether <c>previous[start..]</c> equals a prefix of <c>next[nextStart..]</c> with whitespace runs
    /// collapsed, ending on a word boundary in <paramref name="next"/> and at least
    /// <paramref name="minChars"/> long (collapsed); if so the index in next just past it.
    /// </summary>
    private static int? MatchToEnd(ReadOnlySpan<char> previous, int start, ReadOnlySpan<char> next, int nextStart, int minChars)
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
                    return null;
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
                return null;
            }

            p++;
            n++;
            length++;
        }

        return length >= minChars && (n == next.Length || char.IsWhiteSpace(next[n])) ? n : null;
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
