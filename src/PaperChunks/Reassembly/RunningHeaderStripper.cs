using System.Text;
using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// Paper-level clean-up of PDF page furniture: lines repeated on many pages (running headers such as
/// <c>Published as a conference paper at ICLR 2016</c>, compared without a leading <c>#</c>) and lines
/// that hold only a page number. Works on lines, so text whose newlines were flattened (dataset-viewer
/// line copies) keeps its headers. Spans are moved to the cleaned text.
/// </summary>
internal static class RunningHeaderStripper
{
    private const int MinHeaderChars = 10;
    private const int MaxPageNumberDigits = 4;

    public static (string Text, List<ChunkSpan> Spans) Strip(string text, List<ChunkSpan> spans, int minRepeats)
    {
        var lines = Lines(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (start, length) in lines)
        {
            var key = Key(text.AsSpan(start, length));
            if (IsHeaderCandidate(key))
            {
                var k = key.ToString();
                counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }

        var removed = new List<(int Start, int End)>();
        foreach (var (start, length) in lines)
        {
            var key = Key(text.AsSpan(start, length));
            var isHeader = IsHeaderCandidate(key) && counts[key.ToString()] >= minRepeats;
            if (isHeader || IsPageNumber(key))
            {
                // Remove the line with its newline (the preceding one for the last line).
                var end = start + length;
                var range = end < text.Length ? (Start: start, End: end + 1) : (Start: Math.Max(0, start - 1), End: end);
                if (removed.Count > 0 && range.Start < removed[^1].End)
                {
                    range = (removed[^1].Start, Math.Max(removed[^1].End, range.End));
                    removed.RemoveAt(removed.Count - 1);
                }

                removed.Add(range);
            }
        }

        if (removed.Count == 0)
        {
            return (text, spans);
        }

        var cleaned = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in removed)
        {
            cleaned.Append(text, at, Math.Max(0, start - at));
            at = Math.Max(at, end);
        }

        cleaned.Append(text, at, text.Length - at);
        var moved = new List<ChunkSpan>(spans.Count);
        foreach (var span in spans)
        {
            var start = Map(span.Start, removed);
            moved.Add(span with { Start = start, Length = Map(span.Start + span.Length, removed) - start });
        }

        return (cleaned.ToString(), moved);
    }

    private static List<(int Start, int Length)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        for (var start = 0; start <= text.Length;)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            lines.Add((start, end - start));
            start = end + 1;
        }

        return lines;
    }

    private static ReadOnlySpan<char> Key(ReadOnlySpan<char> line) => line.Trim().TrimStart('#').Trim();

    /// <summary>Long enough not to be a stray word, and with a letter so that table rows of figures stay.</summary>
    private static bool IsHeaderCandidate(ReadOnlySpan<char> key) =>
        key.Length >= MinHeaderChars && (key.IndexOfAnyInRange('A', 'Z') >= 0 || key.IndexOfAnyInRange('a', 'z') >= 0);

    private static bool IsPageNumber(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || key.Length > MaxPageNumberDigits)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Position <paramref name="p"/> of the original text in the cleaned text.</summary>
    private static int Map(int p, List<(int Start, int End)> removed)
    {
        var shift = 0;
        foreach (var (start, end) in removed)
        {
            if (start >= p)
            {
                break;
            }

            shift += Math.Min(end, p) - start;
        }

        return p - shift;
    }
}
