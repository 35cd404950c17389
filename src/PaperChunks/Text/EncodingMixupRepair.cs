using System.Text;

namespace PaperChunks.Text;

/// <summary>
/// UTF-8 that was decoded through a single-byte code page (Windows-1252 or Latin-1, Windows-1250, Windows-1251,
/// MacRoman, CP437), once or in several layers, with every byte kept; emoji written as CESU-8 surrogate halves;
/// the no-break space after <c>Ã</c> turned into a space; C1 controls that are Windows-1252 punctuation.
/// A search in the spirit of ftfy's <c>fix_encoding</c>, per span: each run of non-ASCII characters is mapped
/// back to bytes through each code page and decoded as UTF-8, layer after layer, and the decoding with the
/// lowest <see cref="MojibakeScore"/> replaces the run only when it scores <see cref="MojibakeScore.Margin"/>
/// lower (one mangled name in an English chunk is repaired, the rest is not touched). Once a code page has
/// been proven in a text, a further run it decodes into plausible text is repaired as well (<c>Рё</c> beside
/// <c>РґРѕСЂРѕРіРµ</c>). A run that scores as mojibake but that no decoding improves is reported.
/// </summary>
internal sealed class EncodingMixupRepair : TextRepair
{
    private const int MaxLayers = 4;
    private const int StrongSuspicion = 3;

    public EncodingMixupRepair()
        : base(null)
    {
    }

    public override RepairKind Kind => RepairKind.LosslessMojibake;

    /// <summary>
    /// Whether a mis-decoded UTF-8 sequence may start at <paramref name="i"/>: a C1 control, or a character
    /// that is a lead byte in some code page followed by one that is a continuation byte in the same one,
    /// or <c>Ã</c> before a space (the lost no-break space). The clean-text scan asks this for each non-ASCII character.
    /// </summary>
    public static bool MayStart(string text, int i)
    {
        var c = text[i];
        if (c is >= '\u0080' and <= '\u009F')
            return true;
        if (i + 1 >= text.Length)
            return false;
        var next = text[i + 1];
        if (c == 'Ã' && next == ' ')
            return IsLostNoBreakSpace(text, i);
        foreach (var codec in MojibakeCodec.All)
        {
            if (codec.ByteOf(c) is >= 0xC2 and <= 0xF4 && codec.ByteOf(next) is >= 0x80 and <= 0xBF)
                return true;
        }
        return false;
    }

    public override string Apply(string text, RepairSession session)
    {
        List<(int Start, int Length, string After, MojibakeCodec? Codec)>? decisions = null;
        List<(int Start, int End)>? doubtful = null;
        var proven = new HashSet<MojibakeCodec>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] < 0x80 || !MayStart(text, i))
            {
                i++;
                continue;
            }
            var (start, end) = RunAround(text, i);
            // Ã whose no-break space (A0) was lost before a space: à, the space kept (Ã perturber).
            if (end - start == 1 && text[start] == 'Ã' && IsLostNoBreakSpace(text, start))
            {
                (decisions ??= []).Add((start, 1, "à", MojibakeCodec.Windows1252));
                i = end;
                continue;
            }
            var decision = Decide(text, start, end, null, out _);
            if (decision is { } d)
            {
                (decisions ??= []).Add((start, end - start, d.After, d.Codec));
                if (d.Codec is not null) proven.Add(d.Codec);
            }
            else
                (doubtful ??= []).Add((start, end));
            i = end;
        }
        if (doubtful is not null)
            SecondLook(text, doubtful, proven, ref decisions, session);
        var withC1 = MapControls(text, decisions);
        if (withC1 is null || withC1.Count == 0)
            return text;
        withC1.Sort((a, b) => a.Start.CompareTo(b.Start));
        var rewriter = new TextRewriter(text, session, Kind);
        foreach (var (start, length, after, _) in withC1)
            rewriter.Replace(start, length, after);
        return rewriter.Finish();
    }

    // A run whose decoding did not clear the margin is looked at again with the code pages the text has proven.
    private void SecondLook(string text, List<(int Start, int End)> doubtful, HashSet<MojibakeCodec> proven,
        ref List<(int Start, int Length, string After, MojibakeCodec? Codec)>? decisions, RepairSession session)
    {
        foreach (var (start, end) in doubtful)
        {
            var decodable = false;
            var decision = proven.Count == 0 ? Decide(text, start, end, null, out decodable) : Decide(text, start, end, proven, out decodable);
            if (proven.Count > 0 && decision is { } d)
                (decisions ??= []).Add((start, end - start, d.After, d.Codec));
            else if (decodable && MojibakeScore.Of(Context(text, start, end)) >= StrongSuspicion)
                session.Undecide(Kind, text, start, end - start, "looks like mis-decoded UTF-8, but no code page decodes it into clearly better text");
        }
    }

    /// <summary>
    /// The best decoding of the run [start, end), or null. With <paramref name="proven"/> only those code
    /// pages are tried and a decoding that scores no worse and holds no implausible character is enough.
    /// <paramref name="decodable"/> says whether any code page decoded the run at all.
    /// </summary>
    private static (string After, MojibakeCodec? Codec)? Decide(string text, int start, int end, HashSet<MojibakeCodec>? proven, out bool decodable)
    {
        var before = text.AsSpan(Math.Max(0, start - 1), start > 0 ? 1 : 0);
        var after = text.AsSpan(end, end < text.Length ? 1 : 0);
        var run = text[start..end];
        var original = Score(before, run, after);
        decodable = false;
        if (proven is null && original < MojibakeScore.Margin)
            return null;
        var search = new Search(text, start, end, proven);
        search.Explore(run, 0, null, original);
        decodable = search.Best is not null;
        if (search.Best is null)
            return null;
        var enough = proven is null ? search.BestScore + MojibakeScore.Margin <= original : search.BestScore == 0;
        return enough ? (search.Best, search.BestCodec) : null;
    }

    /// <summary>
    /// Layer after layer, every code page: a depth-first search that stops going deeper where a decoding no
    /// longer scores as mojibake. Ties go to fewer layers, then to the shorter text (more bytes decoded),
    /// then to the code page tried first.
    /// </summary>
    private sealed class Search(string text, int start, int end, HashSet<MojibakeCodec>? proven)
    {
        public string? Best { get; private set; }

        public MojibakeCodec? BestCodec { get; private set; }

        public int BestScore { get; private set; } = int.MaxValue;

        private int _bestDepth = int.MaxValue;

        public void Explore(string current, int depth, MojibakeCodec? first, int currentScore)
        {
            if (depth == MaxLayers || currentScore == 0)
                return;
            var before = text.AsSpan(Math.Max(0, start - 1), start > 0 ? 1 : 0);
            var after = text.AsSpan(end, end < text.Length ? 1 : 0);
            foreach (var codec in MojibakeCodec.All)
            {
                if (depth == 0 && ((proven is not null && !proven.Contains(codec)) || !MojibakeCodec.Telltale(codec, current)))
                    continue;
                var decoded = Decode(current, codec, out var implausible);
                if (decoded is null)
                    continue;
                var score = Score(before, decoded, after) + implausible;
                if (score < BestScore || (score == BestScore && (depth + 1 < _bestDepth
                    || (depth + 1 == _bestDepth && decoded.Length < Best!.Length))))
                {
                    BestScore = score;
                    Best = decoded;
                    BestCodec = first ?? codec;
                    _bestDepth = depth + 1;
                }
                if (implausible == 0)
                    Explore(decoded, depth + 1, first ?? codec, score);
            }
        }
    }

    private static int Score(ReadOnlySpan<char> before, ReadOnlySpan<char> run, ReadOnlySpan<char> after)
    {
        Span<char> buffer = run.Length + 2 <= 256 ? stackalloc char[run.Length + 2] : new char[run.Length + 2];
        before.CopyTo(buffer);
        run.CopyTo(buffer[before.Length..]);
        after.CopyTo(buffer[(before.Length + run.Length)..]);
        return MojibakeScore.Of(buffer[..(before.Length + run.Length + after.Length)]);
    }

    private static ReadOnlySpan<char> Context(string text, int start, int end) =>
        text.AsSpan(Math.Max(0, start - 1), Math.Min(text.Length, end + 1) - Math.Max(0, start - 1));

    /// <summary>
    /// Maps <paramref name="run"/> to bytes through <paramref name="codec"/> and decodes every valid UTF-8 (or
    /// CESU-8 surrogate pair) sequence in it, keeping the other characters; null when nothing decodes.
    /// <paramref name="implausible"/> is the score of decoded code points no text would hold.
    /// </summary>
    internal static string? Decode(string run, MojibakeCodec codec, out int implausible)
    {
        implausible = 0;
        StringBuilder? output = null;
        var copied = 0;
        for (var i = 0; i < run.Length; i++)
        {
            var length = DecodeAt(run, i, codec, out var rune);
            if (length == 0)
                continue;
            output ??= new StringBuilder(run.Length);
            output.Append(run, copied, i - copied);
            output.Append(char.ConvertFromUtf32(rune));
            implausible += MojibakeScore.OfDecoded(rune);
            copied = i + length;
            i += length - 1;
        }
        if (output is null)
            return null;
        output.Append(run, copied, run.Length - copied);
        return output.ToString();
    }

    // One strict UTF-8 sequence (no overlong forms, nothing above U+10FFFF), or a CESU-8 pair of surrogates
    // (ED A0–AF xx ED B0–BF xx), at i; returns its length in characters, 0 when none.
    private static int DecodeAt(string run, int i, MojibakeCodec codec, out int rune)
    {
        rune = 0;
        int lead = ByteAt(run, i, codec);
        if (lead is < 0xC2 or > 0xF4)
            return 0;
        var count = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (i + count > run.Length)
            return 0;
        var value = lead & (0xFF >> (count + 1));
        for (var k = 1; k < count; k++)
        {
            var b = ByteAt(run, i + k, codec);
            if (b is < 0x80 or > 0xBF)
                return 0;
            value = (value << 6) | (b & 0x3F);
        }
        if ((count == 3 && value < 0x800) || (count == 4 && (value < 0x10000 || value > 0x10FFFF)))
            return 0;
        if (value is >= 0xD800 and <= 0xDFFF)
            return value <= 0xDBFF ? DecodeSurrogatePair(run, i, codec, value, out rune) : 0;
        rune = value;
        return count;
    }

    private static int DecodeSurrogatePair(string run, int i, MojibakeCodec codec, int high, out int rune)
    {
        rune = 0;
        if (i + 6 > run.Length || ByteAt(run, i + 3, codec) != 0xED)
            return 0;
        int b1 = ByteAt(run, i + 4, codec), b2 = ByteAt(run, i + 5, codec);
        if (b1 is < 0xB0 or > 0xBF || b2 is < 0x80 or > 0xBF)
            return 0;
        var low = 0xD000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
        rune = char.ConvertToUtf32((char)high, (char)low);
        return 6;
    }

    private static int ByteAt(string run, int i, MojibakeCodec codec) => codec.ByteOf(run[i]);

    /// <summary>The run of non-ASCII characters around <paramref name="i"/>.</summary>
    private static (int Start, int End) RunAround(string text, int i)
    {
        var start = i;
        while (start > 0 && text[start - 1] >= 0x80)
            start--;
        var end = i;
        while (end < text.Length && text[end] >= 0x80)
            end++;
        return (start, end);
    }

    // Ã, a space, a lower-case letter, and not the end of a word in capitals (SÃ O would be Portuguese).
    private static bool IsLostNoBreakSpace(string text, int i) =>
        i + 2 < text.Length && text[i + 1] == ' ' && char.IsLower(text[i + 2]) && !(i > 0 && char.IsUpper(text[i - 1]));

    /// <summary>Adds a Windows-1252 reading for each C1 control left outside the decided runs (<c>\u0085</c> → …).</summary>
    private static List<(int Start, int Length, string After, MojibakeCodec? Codec)>? MapControls(string text,
        List<(int Start, int Length, string After, MojibakeCodec? Codec)>? decisions)
    {
        var at = text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F');
        if (at < 0)
            return decisions;
        var taken = decisions is null ? [] : decisions.Select(d => (d.Start, End: d.Start + d.Length)).ToList();
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < '\u0080' or > '\u009F' || taken.Exists(t => i >= t.Start && i < t.End))
                continue;
            var mapped = Windows1252Character((byte)c);
            if (mapped != c)
                (decisions ??= []).Add((i, 1, mapped.ToString(), MojibakeCodec.Windows1252));
        }
        return decisions;
    }

    private static char Windows1252Character(byte b)
    {
        Span<byte> one = [b];
        var decoded = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(one);
        return decoded.Length == 1 && decoded[0] != '\uFFFD' ? decoded[0] : (char)b;
    }
}
