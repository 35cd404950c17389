namespace PaperChunks.Text;

/// <summary>
/// UTF-8 read as Latin-1 after the C1 bytes 0x80–0x9F were dropped, so only part of each character is
/// left (byte tables in docs/normalization.md). <c>ï¬</c> is EF AC with one of 80–84 lost: a ligature
/// decided by the lexicon. A lone <c>â</c> is E2 with two bytes lost, one of many punctuation and math
/// characters: decided by its neighbours (digits around it, a letter before a digit, a pair of quotes,
/// an apostrophe before <c>s</c> or <c>n't</c>). Where the neighbours do not decide, the text is left as it
/// is and reported as undecided.
/// </summary>
internal sealed class LossyMojibakeRepair : TextRepair
{
    // ï (EF) and â (E2) start every lossy sequence seen; U+28A0 ⢠ and U+2920 ⤠ are E2 A2 A0 and
    // E2 A4 A0 re-read as UTF-8 once the byte between them was gone; Ã, Ë, Ï are leads reported only.
    private const string TriggerCharacters = "ïâ\u28A0\u2920\u2B20ÃËÏ";

    // EF AC 80–84: ﬀ ﬁ ﬂ ﬃ ﬄ. (ﬅ and ﬆ, EF AC 85–86, would spell st; they are left out because "st" makes
    // ï¬ow both "flow" and "stow" while no PDF text layer in these corpora uses them.)
    private static readonly string[] s_ligatures = ["fi", "fl", "ff", "ffi", "ffl"];

    private const int QuoteReach = 400;

    // CB 86, 87, 98–9D: the spacing accents ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝, which PDF text layers put before their letter; with
    // the second byte lost each is a bare Ë.
    private const string LostSpacingAccents = "\u02C6\u02C7\u02D8\u02D9\u02DA\u02DB\u02DC\u02DD";

    // What those accents make in the alphabets of living national languages (Czech, Slovak, Polish, Turkish,
    // Romanian, Hungarian, Lithuanian, French, Portuguese, Spanish, the Nordic ones). Letters only Esperanto,
    // pinyin, Maltese or Vietnamese use (ĉ ĝ ŝ ǧ ċ ġ ẽ) are left out, so c, d, g, l, r, s and t have one reading
    // each (č ď ğ ľ ř š ť); a, e, i, n, o, u and z have several and need the document to decide.
    private const string NationalLetters = "âêîôûÂÊÎÔÛčďěňřšťžľČĎĚŇŘŠŤŽĽăğĂĞżėŻĖåůÅŮąęįųĄĘĮŲãõñÃÕÑőűŐŰ";

    public LossyMojibakeRepair()
        : base(TriggerCharacters)
    {
    }

    public override RepairKind Kind => RepairKind.LossyMojibake;

    protected override int RepairAt(string text, int i, TextRewriter rewriter, RepairSession session)
    {
        var next = i + 1;
        switch (text[i])
        {
            case 'ï' when At(text, i + 1) == '¬':
                RepairLigature(text, i, rewriter, session);
                next = i + 2;
                break;
            case 'â' when i == session.PendingCloseQuote:
                rewriter.Replace(i, 1, "\u201D");
                session.PendingCloseQuote = -1;
                break;
            case 'â':
                next = RepairE2(text, i, rewriter, session);
                break;
            case '\u28A0' when IsLineStart(text, i) && char.IsLetterOrDigit(At(text, i + 1)):
                rewriter.Replace(i, 1, "\u2022 ");
                break;
            case '\u2920' when char.IsWhiteSpace(At(text, i - 1)) && char.IsLetterOrDigit(At(text, i + 1)):
                rewriter.Replace(i, 1, "\u2264 ");
                break;
            case '\u28A0' or '\u2920' or '\u2B20':
                session.Undecide(Kind, text, i, 1, $"{text[i]} (E2 {((text[i] >> 6) & 0x3F) | 0x80:X2} {(text[i] & 0x3F) | 0x80:X2}) is E2 xx {((text[i] >> 6) & 0x3F) | 0x80:X2} with the byte xx lost, then a space; the neighbours do not decide the character");
                break;
            // C3 97 ×: of the 32 characters C3 80–9F only × is not a letter, and only × stands before a digit
            // after a digit or a space (3Ã3 kernels, RCN Ã1Ã1).
            case 'Ã' when char.IsAsciiDigit(At(text, i + 1)) && (char.IsAsciiDigit(At(text, i - 1)) || At(text, i - 1) == ' '):
                rewriter.Replace(i, 1, "\u00D7");
                break;
            case 'Ë' when IsLetterAt(text, i - 1) && char.IsAsciiLetterLower(At(text, i + 1)):
                next = RepairLostSpacingAccent(text, i, rewriter, session);
                break;
            case 'Ã' or 'Ë' or 'Ï' when IsStray(text, i):
                session.Undecide(Kind, text, i, 1, $"{text[i]} followed by a lost C1 byte could be any of 32 characters");
                break;
        }
        return next;
    }

    private void RepairLigature(string text, int i, TextRewriter rewriter, RepairSession session)
    {
        var start = i;
        while (start > rewriter.Position && char.IsLetter(text[start - 1])) start--;
        // An opening quote that lost its bytes (âï¬ne-tunedâ) is not part of the word.
        while (start < i && text[start] == 'â') start++;
        var end = i + 2;
        // A closing quote (â) or a second ligature (ï¬) ends the word.
        while (end < text.Length && char.IsLetter(text[end]) && text[end] != 'â' && !(text[end] == 'ï' && At(text, end + 1) == '¬')) end++;
        var left = text[start..i];
        var right = text[(i + 2)..end];
        // At the end of a word or before a hyphen (oï¬-policy) the letters before it are the word to complete.
        if (right.Length == 0 && left.Length == 0)
        {
            session.Undecide(Kind, text, i, 2, "ï¬ ends a word: fi, fl, ff, ffi or ffl cannot be told apart");
            return;
        }
        var ligature = ChooseLigature(left, right, text, session, out var tied);
        // A word broken across a line (con- ï¬uence) is judged whole.
        if (ligature is null && start == i && BrokenWordBefore(text, start) is { } fragment)
            ligature = ChooseLigature(fragment, right, text, session, out _);
        if (ligature is null)
        {
            session.Undecide(Kind, text, i, 2, tied.Length == 0
                ? $"ï¬ in \"{left}ï¬{right}\": no ligature (fi, fl, ff, ffi, ffl) makes a known word"
                : $"ï¬ in \"{left}ï¬{right}\": {tied} are all words");
            return;
        }
        rewriter.Replace(start, end - start, left + ligature + right);
    }

    /// <summary>
    /// Repairs the <c>Ë</c> at <paramref name="i"/>, inside a word, as a spacing accent that lost its second byte
    /// (<c>ÇaËglar</c> → Çağlar, <c>TomáËs</c> → Tomáš, <c>OndËrej</c> → Ondřej). The document's own spelling of the
    /// word decides first, then the one reading among <see cref="NationalLetters"/>; otherwise it is reported.
    /// </summary>
    private int RepairLostSpacingAccent(string text, int i, TextRewriter rewriter, RepairSession session)
    {
        var letter = text[i + 1];
        var start = i;
        while (start > rewriter.Position && char.IsLetter(text[start - 1])) start--;
        var end = i + 2;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        string? inDocument = null, national = null, readings = "";
        var documentCount = 0;
        var nationalCount = 0;
        foreach (var mark in LostSpacingAccents)
        {
            if (!SpacingDiacriticRepair.TryCompose(mark, letter, out var composed))
                continue;
            var word = string.Concat(text.AsSpan(start, i - start), composed.ToString(), text.AsSpan(i + 2, end - i - 2));
            readings = readings.Length == 0 ? composed.ToString() : readings + " " + composed;
            if (WordEvidence.ContainsWholeWord(text, word) || (session.Vocabulary?.ContainsWord(word) ?? false))
            {
                inDocument = composed.ToString();
                documentCount++;
            }
            if (NationalLetters.Contains(composed))
            {
                national = composed.ToString();
                nationalCount++;
            }
        }
        var chosen = documentCount == 1 ? inDocument : documentCount == 0 && nationalCount == 1 ? national : null;
        if (chosen is not null)
            rewriter.Replace(i, 2, chosen);
        else if (readings.Length > 0)
            session.Undecide(Kind, text, i, 2, $"Ë{letter} is a spacing accent (CB xx) with its second byte lost: {readings} all fit");
        return i + (chosen is null ? 1 : 2);
    }

    private static string? ChooseLigature(string left, string right, string text, RepairSession session, out string tied)
    {
        var candidates = new string[s_ligatures.Length];
        for (var k = 0; k < candidates.Length; k++)
            candidates[k] = left + s_ligatures[k] + right;
        var best = WordEvidence.Best(candidates, text, session.Vocabulary, out tied);
        return best?.Substring(left.Length, best.Length - left.Length - right.Length);
    }

    private static string? BrokenWordBefore(string text, int start)
    {
        if (start < 3 || text[start - 1] != ' ' || text[start - 2] != '-' || !char.IsLetter(text[start - 3]))
            return null;
        var from = start - 2;
        while (from > 0 && char.IsLetter(text[from - 1])) from--;
        return text[from..(start - 2)];
    }

    /// <summary>Repairs the <c>â</c> at <paramref name="i"/> when its neighbours decide; returns where to search on.</summary>
    private int RepairE2(string text, int i, TextRewriter rewriter, RepairSession session)
    {
        var before = At(text, i - 1);
        var after = At(text, i + 1);
        switch (after)
        {
            // E2 88 BC ∼: of the 32 characters E2 xx BC, the only one in general use (‼ ⁼ ↼ ≼ are not).
            case '¼':
                rewriter.Replace(i, 2, "\u223C");
                return i + 2;
            // E2 89 A4 ≤ and E2 89 A5 ≥ between spaces; without spaces â¤ is as likely ⊤ (E2 8A A4) or ℤ (E2 84 A4).
            case '¤' or '¥' when char.IsWhiteSpace(before) && char.IsWhiteSpace(At(text, i + 2)):
                rewriter.Replace(i, 2, after == '¤' ? "\u2264" : "\u2265");
                return i + 2;
            case >= '\u00A0' and <= '\u00BF':
                session.Undecide(Kind, text, i, 2, $"â{after} is E2 xx {(int)after:X2} with the byte xx lost: 32 characters fit");
                return i + 2;
        }
        if (char.IsAsciiDigit(before) && char.IsAsciiDigit(after))
        {
            // E2 80 93 en dash: page and number ranges (315–323).
            rewriter.Replace(i, 1, "\u2013");
        }
        else if ((char.IsLetter(before) || before is ')' or ']') && char.IsAsciiDigit(after))
        {
            // E2 88 92 minus: a flattened superscript such as A−1, Var−1(a).
            rewriter.Replace(i, 1, "\u2212");
        }
        else if (IsApostrophe(text, i))
        {
            // E2 80 99 right single quotation mark: CNN’s, don’t.
            rewriter.Replace(i, 1, "\u2019");
        }
        else if (IsOpeningQuote(text, i) && FindClosingQuote(text, i) is var close and > 0)
        {
            // E2 80 9C … E2 80 9D: “rate,”.
            rewriter.Replace(i, 1, "\u201C");
            session.PendingCloseQuote = close;
        }
        else if (!IsPlainLetter(text, i))
        {
            session.Undecide(Kind, text, i, 1, "â is E2 with two bytes lost; the neighbours do not decide between –, —, −, ’, “, ”, ∗, →, ∈ and the rest of U+2000–U+22FF");
        }
        return i + 1;
    }

    private static bool IsApostrophe(string text, int i) =>
        IsLetterAt(text, i - 1) && ContractionFollows(text, i, out var ending) && (ending != "t" || At(text, i - 1) == 'n');

    private static bool IsOpeningQuote(string text, int i)
    {
        var before = At(text, i - 1);
        return (i == 0 || char.IsWhiteSpace(before) || before is '(' or '[')
               && (char.IsLetterOrDigit(At(text, i + 1)));
    }

    private static bool IsClosingQuote(string text, int i)
    {
        var before = At(text, i - 1);
        var after = At(text, i + 1);
        return (char.IsLetterOrDigit(before) || before is '.' or ',' or ';' or ':' or '!' or '?' or ')')
               && (i + 1 == text.Length || char.IsWhiteSpace(after) || after is '.' or ',' or ';' or ':' or '!' or '?' or ')');
    }

    /// <summary>The next <c>â</c> after an opening one, when it closes the quotation; -1 otherwise.</summary>
    private static int FindClosingQuote(string text, int open)
    {
        var reach = Math.Min(text.Length - open - 1, QuoteReach);
        var at = text.AsSpan(open + 1, reach).IndexOf('â');
        if (at < 0)
            return -1;
        var close = open + 1 + at;
        return IsClosingQuote(text, close) && !IsApostrophe(text, close) ? close : -1;
    }

    /// <summary>
    /// Whether the <c>â</c> at <paramref name="i"/> is a letter of a word (<c>pâte</c>, <c>château</c>,
    /// <c>l'âme</c>) that no rule acts on or reports: it sits between lower-case letters (or after an
    /// elision apostrophe), does not end in a contraction, the letters on either side are not two words
    /// (<c>userâitem</c>), and the text shows no other lossy damage.
    /// </summary>
    internal static bool IsPlainLetter(string text, int i)
    {
        var before = At(text, i - 1);
        return (char.IsLower(before) || before is '\'' or '\u2019') && char.IsLower(At(text, i + 1))
               && !IsApostrophe(text, i) && !BetweenTwoWords(text, i)
               && text.AsSpan().IndexOf("ï¬", StringComparison.Ordinal) < 0;
    }

    private static bool BetweenTwoWords(string text, int i)
    {
        var start = i;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        var end = i + 1;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        if (i - start < 3 || end - i - 1 < 3)
            return false;
        var lexicon = Lexicon.English;
        return lexicon.Contains(text[start..i].ToLowerInvariant()) && lexicon.Contains(text[(i + 1)..end].ToLowerInvariant());
    }

    private static bool IsLineStart(string text, int i) => i == 0 || char.IsWhiteSpace(text[i - 1]);

    // A lead of a lost two-byte character stands out when a letter does not sit on both sides of it.
    private static bool IsStray(string text, int i) =>
        !IsLetterAt(text, i + 1) || !IsLetterAt(text, i - 1) || At(text, i + 1) is 'Ã' or 'Ë' or 'Ï';
}
