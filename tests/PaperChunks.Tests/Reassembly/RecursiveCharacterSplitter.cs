namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// A test double of LangChain's <c>RecursiveCharacterTextSplitter</c> (defaults: separators
/// <c>["\n\n", "\n", " ", ""]</c>, <c>keep_separator=True</c>, <c>strip_whitespace=True</c>, length in
/// characters), written from its documented behaviour so the property test cuts text the way the
/// corpora were cut:
/// <list type="number">
/// <item>Pick the first separator that occurs in the text (<c>""</c> always matches) and split on it,
/// keeping each separator at the start of the piece that follows it; empty pieces are dropped.</item>
/// <item>Pieces shorter than the chunk size are merged greedily: a chunk is emitted when the next piece
/// would push it past the chunk size; then pieces are dropped from its front until what remains is at
/// most the overlap (and leaves room for the next piece); the remainder starts the next chunk. That
/// carried remainder is the overlap the reassembler must find.</item>
/// <item>A piece at least as long as the chunk size is split again with the remaining separators
/// (after emitting what was merged before it, with no overlap across that boundary).</item>
/// <item>Emitted chunks are stripped of surrounding whitespace; whitespace-only chunks are dropped. So
/// where a chunk carries no overlap, the whitespace separator at the joint is lost.</item>
/// </list>
/// Each chunk also carries its start and end offsets in the original text, for the test's expectations.
/// </summary>
internal sealed class RecursiveCharacterSplitter(int chunkSize, int chunkOverlap)
{
    private static readonly string[] DefaultSeparators = ["\n\n", "\n", " ", ""];

    public IReadOnlyList<Piece> Split(string text) => SplitText(new Piece(text, 0), DefaultSeparators);

    private List<Piece> SplitText(Piece text, string[] separators)
    {
        var separator = "";
        string[] remaining = [];
        for (var i = 0; i < separators.Length; i++)
        {
            if (separators[i].Length == 0 || text.Text.Contains(separators[i], StringComparison.Ordinal))
            {
                separator = separators[i];
                remaining = separators[(i + 1)..];
                break;
            }
        }

        var chunks = new List<Piece>();
        var good = new List<Piece>();
        foreach (var piece in SplitKeepingSeparator(text, separator))
        {
            if (piece.Text.Length < chunkSize)
            {
                good.Add(piece);
                continue;
            }

            if (good.Count > 0)
            {
                chunks.AddRange(Merge(good));
                good.Clear();
            }

            chunks.AddRange(remaining.Length == 0 ? [piece] : SplitText(piece, remaining));
        }

        if (good.Count > 0)
        {
            chunks.AddRange(Merge(good));
        }

        return chunks;
    }

    private static List<Piece> SplitKeepingSeparator(Piece text, string separator)
    {
        var pieces = new List<Piece>();
        if (separator.Length == 0)
        {
            for (var i = 0; i < text.Text.Length; i++)
            {
                pieces.Add(new Piece(text.Text[i].ToString(), text.Start + i));
            }

            return pieces;
        }

        var parts = text.Text.Split(separator);
        var at = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var piece = i == 0 ? parts[0] : separator + parts[i];
            if (piece.Length > 0)
            {
                pieces.Add(new Piece(piece, text.Start + at));
            }

            at += piece.Length;
        }

        return pieces;
    }

    private List<Piece> Merge(List<Piece> pieces)
    {
        var docs = new List<Piece>();
        var current = new List<Piece>();
        var total = 0;
        foreach (var piece in pieces)
        {
            if (total + piece.Text.Length > chunkSize && current.Count > 0)
            {
                AddJoined(docs, current);
                while (total > chunkOverlap || (total + piece.Text.Length > chunkSize && total > 0))
                {
                    total -= current[0].Text.Length;
                    current.RemoveAt(0);
                }
            }

            current.Add(piece);
            total += piece.Text.Length;
        }

        AddJoined(docs, current);
        return docs;
    }

    private static void AddJoined(List<Piece> docs, List<Piece> current)
    {
        if (current.Count == 0)
        {
            return;
        }

        var joined = string.Concat(current.Select(p => p.Text));
        var stripped = joined.Trim();
        if (stripped.Length > 0)
        {
            docs.Add(new Piece(stripped, current[0].Start + (joined.Length - joined.TrimStart().Length)));
        }
    }

    /// <summary>A piece of text and where it starts in the original.</summary>
    public sealed record Piece(string Text, int Start)
    {
        public int End => Start + Text.Length;
    }
}
