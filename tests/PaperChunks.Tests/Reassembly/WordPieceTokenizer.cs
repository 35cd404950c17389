using System.Text.RegularExpressions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// A stand-in for a BPE tokenizer such as tiktoken's <c>cl100k_base</c>, enough for the token splitters'
/// test doubles: GPT-style pre-tokens (a word with its leading space, up to three digits, a run of
/// punctuation, whitespace), and words longer than five letters cut into pieces of four, so that windows of
/// tokens cut inside words as real vocabularies do.
/// </summary>
internal static partial class WordPieceTokenizer
{
    private const int PieceLetters = 4;

    /// <summary>The tokens of <paramref name="text"/> as (start, end) offsets; together they cover it exactly.</summary>
    public static List<(int Start, int End)> Tokenize(string text)
    {
        var tokens = new List<(int, int)>();
        foreach (Match match in PreToken().Matches(text))
        {
            var (start, end) = (match.Index, match.Index + match.Length);
            var letters = text[start] == ' ' ? start + 1 : start;
            if (end - letters <= PieceLetters + 1 || !char.IsLetter(text[letters]))
            {
                tokens.Add((start, end));
                continue;
            }

            for (var at = start; at < end;)
            {
                var next = Math.Min(end, (at == start ? letters : at) + PieceLetters);
                tokens.Add((at, next));
                at = next;
            }
        }

        return tokens;
    }

    [GeneratedRegex(@"'(?:s|t|re|ve|m|ll|d)| ?\p{L}+| ?\p{N}{1,3}| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+")]
    private static partial Regex PreToken();
}
