using System.Text.RegularExpressions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// A test double of LlamaIndex's <c>SentenceSplitter</c>, written from its <c>_split</c> and <c>_merge</c>:
/// <list type="number">
/// <item>The text is cut into sentences, each keeping the whitespace after it; a sentence longer than the
/// budget is cut into words (each with the whitespace after it), which are no sentences.</item>
/// <item>Splits are merged into chunks of at most <c>chunkTokens</c> tokens (<see cref="WordPieceTokenizer"/>). When a
/// chunk closes, the next starts with the closed chunk's last splits that fit in <c>overlapTokens</c>
/// together, so overlaps are whole sentences (or words), and none when the last sentence alone is over it.</item>
/// <item>Each chunk is stripped of surrounding whitespace and empty ones are dropped, so the whitespace at a
/// joint without overlap is lost.</item>
/// </list>
/// With <c>overlapTokens = 0</c> it is a sentence chunker without overlap.
/// </summary>
internal sealed partial class SentenceSplitter(int chunkTokens, int overlapTokens)
{
    /// <summary>The chunks of <paramref name="text"/> with the offsets of their stripped text in it.</summary>
    public List<(string Text, int Start, int End)> Split(string text)
    {
        var chunks = new List<(string, int, int)>();
        var current = new List<(int Start, int End, int Tokens)>();
        var tokens = 0;
        var fresh = true;
        foreach (var split in Splits(text))
        {
            if (tokens + split.Tokens > chunkTokens && !fresh)
            {
                Close(text, chunks, current);
                var carried = new List<(int, int, int Tokens)>();
                tokens = 0;
                for (var i = current.Count - 1; i >= 0 && tokens + current[i].Tokens <= overlapTokens; i--)
                {
                    tokens += current[i].Tokens;
                    carried.Insert(0, current[i]);
                }

                current = carried;
            }

            current.Add(split);
            tokens += split.Tokens;
            fresh = false;
        }

        Close(text, chunks, current);
        return chunks;
    }

    private IEnumerable<(int Start, int End, int Tokens)> Splits(string text)
    {
        foreach (Match sentence in Sentence().Matches(text))
        {
            var tokens = Tokens(sentence.Value);
            if (tokens <= chunkTokens)
            {
                yield return (sentence.Index, sentence.Index + sentence.Length, tokens);
                continue;
            }

            foreach (Match word in Word().Matches(sentence.Value))
            {
                yield return (sentence.Index + word.Index, sentence.Index + word.Index + word.Length, Math.Min(chunkTokens, Tokens(word.Value)));
            }
        }
    }

    private static void Close(string text, List<(string, int, int)> chunks, List<(int Start, int End, int Tokens)> current)
    {
        if (current.Count == 0)
        {
            return;
        }

        var (start, end) = (current[0].Start, current[^1].End);
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            chunks.Add((text[start..end], start, end));
        }
    }

    private static int Tokens(string text) => WordPieceTokenizer.Tokenize(text).Count;

    /// <summary>A sentence: up to a full stop, question or exclamation mark followed by whitespace, that whitespace with it.</summary>
    [GeneratedRegex(@"\s*\S.*?(?:[.!?](?=\s)|$)\s*", RegexOptions.Singleline)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\s*\S+\s*")]
    private static partial Regex Word();
}
