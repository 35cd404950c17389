namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// A test double of LangChain's <c>TokenTextSplitter</c> (and Chonkie's <c>TokenChunker</c>): windows of
/// <c>chunkTokens</c> tokens every <c>chunkTokens - overlapTokens</c>, each decoded back to its exact text
/// (nothing stripped), the last one ending the text. Overlaps are a fixed number of tokens, so their length
/// in characters differs at every joint, and windows start and end inside words.
/// </summary>
internal sealed class TokenTextSplitter(int chunkTokens, int overlapTokens)
{
    /// <summary>The windows of <paramref name="text"/> with their offsets in it.</summary>
    public List<(string Text, int Start, int End)> Split(string text)
    {
        var tokens = WordPieceTokenizer.Tokenize(text);
        var windows = new List<(string, int, int)>();
        for (var first = 0; first < tokens.Count; first += chunkTokens - overlapTokens)
        {
            var last = Math.Min(tokens.Count, first + chunkTokens) - 1;
            var (start, end) = (tokens[first].Start, tokens[last].End);
            windows.Add((text[start..end], start, end));
            if (last == tokens.Count - 1)
            {
                break;
            }
        }

        return windows;
    }
}
