using System.Globalization;

namespace PaperChunks.Text;

/// <summary>
/// How much a stretch of text looks like mojibake: 0 for ordinary text in any language, more for each sign
/// of UTF-8 read through a single-byte code page. The signs, in ftfy's spirit (its badness heuristic) but
/// our own weights, tuned on the held-out cases in tests/PaperChunks.Tests/Text/MojibakeCorpus.cs:
/// a C1 control or an unassigned, private-use or lone-surrogate character (4); the lead of a common UTF-8
/// pair (<c>Ã Â Ă Ĺ √ ¬ ├ ┬</c>) before a character that stands for a continuation byte (3); a non-ASCII
/// letter before a rare symbol, the two a lead and a continuation byte in some code page (<c>©</c>, <c>¼</c>, <c>™</c>, <c>´</c>: 2); a rare symbol touching a letter
/// (1); a lower-case letter before a capital with one of them non-ASCII (<c>РґРѕ</c>: 1); Latin beside
/// Cyrillic, Greek beside an accented Latin letter, a CJK or Hangul character beside a letter of another script (2);
/// a three- or four-byte sequence's shape (<c>á»…</c>: 3, or 1 when made of letters and common punctuation); a box-drawing character touching anything but a space or another box (1).
/// A decoding is taken only when it lowers the score by <see cref="Margin"/> or more.
/// </summary>
internal static class MojibakeScore
{
    /// <summary>How much lower a decoding must score than the text it replaces.</summary>
    public const int Margin = 2;

    // Characters that bytes 80–BF become in the code pages and that ordinary text rarely puts beside a letter.
    private const string Rare = "¡¢£¤¥¦§¨©ª¬\u00AD®¯°±²³´µ¶·¸¹º¼½¾¿€‚ƒ„†‡ˆ‰‹›™ˇ˘˙˛˝˚∂∆∏∑√∫≈≠◊⌐░▒▓│┤╡╢╖╕╣║╗╝╜╛┐";

    // The characters the common UTF-8 lead bytes become: C2/C3 (Latin-1 letters) in every code page, and
    // C4/C5 (Central European letters), CE/CF (Greek), D0/D1 (Cyrillic) in Windows-1252 and -1251. Before a
    // continuation character they are mojibake; ÄÅÎÏÐÑРС only when no capital precedes them, because
    // an all-capital word can end in one before a quote or a no-break space (SELKÄ\u00A0EDELLÄ, ПЕТР»).
    // MacRoman's C2/C3 (¬ √) and CP437's (┬ ├ ─ ┼ ╬ ╧ ╨ ╤) count the same way; MacRoman's C4, C5, CE, CF,
    // D0, D1 (ƒ Œ œ – —) and Windows-1251's Г Д Е О П only before a continuation character that is neither a
    // letter nor a math symbol (О± is α, Г– is Ö), since those make real words and formulas (Дід, –∫). MacRoman's
    // C5 (≈) is left to the second look: ≈ before a letter or ∫ is ordinary math.
    private const string StrongLeads = "ÂÃĂĹ√¬├┬─┼╬╧╨╤";
    private const string CapitalLeads = "ÄÅÎÏÐÑРС";
    private const string NonLetterLeads = "ГДЕОПƒŒœ–—";

    public static int Of(ReadOnlySpan<char> text)
    {
        var score = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var previous = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            score += OfCharacter(c, previous, next);
            if (i > 0)
                score += OfPair(i > 1 ? text[i - 2] : ' ', previous, c);
            if (c >= 0x80)
                score += OfLongSequenceShape(text, i);
        }
        return score;
    }

    /// <summary>
    /// A three- or four-byte UTF-8 sequence as some code page shows it: a lead E0–F4 then two or three
    /// continuation characters. 3 when one of them is a rare symbol or a C1 control (<c>á»…</c>, <c>â€™</c>,
    /// <c>ðŸ˜</c>), which real text practically never holds; 1 when they are all letters or common
    /// punctuation (<c>ë—…</c> can be a word, a dash and an ellipsis).
    /// </summary>
    private static int OfLongSequenceShape(ReadOnlySpan<char> text, int i)
    {
        var best = 0;
        foreach (var codec in MojibakeCodec.All)
        {
            var lead = codec.ByteOf(text[i]);
            if (lead is < 0xE0 or > 0xF4)
                continue;
            var count = lead < 0xF0 ? 3 : 4;
            if (i + count > text.Length)
                continue;
            var shaped = true;
            var telling = false;
            for (var k = 1; k < count && shaped; k++)
            {
                var c = text[i + k];
                shaped = codec.ByteOf(c) is >= 0x80 and <= 0xBF;
                telling |= Rare.Contains(c) || c is >= '\u0080' and <= '\u009F' or '»';
            }
            if (shaped)
                best = Math.Max(best, telling ? 3 : 1);
        }
        return best;
    }

    /// <summary>The score a decoded code point adds when no text would hold it.</summary>
    // A decoded combining mark costs 1: MacRoman's Ã (CC) before © would otherwise make U+0329 out of Ã©.
    public static int OfDecoded(int codePoint) => codePoint is >= 0x0300 and <= 0x036F ? 1
        : IsPlausibleDecoding(codePoint) || codePoint is >= 0x80 and <= 0x9F ? 0 : 6;

    private static int OfCharacter(char c, char previous, char next)
    {
        if (c < 0x80)
            return 0;
        if (c <= 0x9F)
            return 4;
        if (char.IsSurrogate(c))
            return char.IsHighSurrogate(c) ? (char.IsLowSurrogate(next) ? 0 : 4) : (char.IsHighSurrogate(previous) ? 0 : 4);
        if (c == '\uFFFD')
            return 2;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            return 4;
        // A combining mark belongs after a letter (or another mark), not after a space or a symbol.
        if (category == UnicodeCategory.NonSpacingMark && !char.IsLetter(previous)
            && CharUnicodeInfo.GetUnicodeCategory(previous) != UnicodeCategory.NonSpacingMark)
            return 3;
        if (Rare.Contains(c) && (char.IsLetter(previous) || char.IsLetter(next)))
            return 1;
        if (IsBox(c) && !IsSpaceOrBox(previous) && !IsSpaceOrBox(next))
            return 1;
        return 0;
    }

    private static int OfPair(char before, char first, char second)
    {
        if ((StrongLeads.Contains(first) || (CapitalLeads.Contains(first) && !char.IsUpper(before))
                || (NonLetterLeads.Contains(first) && !char.IsLetter(second) && CharUnicodeInfo.GetUnicodeCategory(second) != UnicodeCategory.MathSymbol)) && IsContinuationCharacter(second)
            && !(first == 'Ä' && second == '\u00A0'))
            return 3;
        if (first >= 0x80 && char.IsLetter(first) && (Rare.Contains(second) || second is >= '\u0080' and <= '\u009F')
            && IsLeadThenContinuation(first, second))
            return 2;
        if (!char.IsLetter(first) || !char.IsLetter(second) || (first < 0x80 && second < 0x80))
            return 0;
        var score = char.IsLower(first) && char.IsUpper(second) ? 1 : 0;
        if (IsHan(first) != IsHan(second))
            score += 2;
        if ((IsGreek(first) && IsLatin(second) && second >= 0x80) || (IsGreek(second) && IsLatin(first) && first >= 0x80))
            score += 2;
        return score + ((IsLatin(first) && IsCyrillic(second)) || (IsCyrillic(first) && IsLatin(second)) ? 2 : 0);
    }

    /// <summary>Whether some code page makes the pair a UTF-8 lead byte and a continuation byte.</summary>
    private static bool IsLeadThenContinuation(char first, char second)
    {
        foreach (var codec in MojibakeCodec.All)
        {
            if (codec.ByteOf(first) is >= 0xC2 and <= 0xF4 && codec.ByteOf(second) is >= 0x80 and <= 0xBF)
                return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="c"/> stands for a UTF-8 continuation byte (80–BF) in any of the code pages.</summary>
    private static bool IsContinuationCharacter(char c)
    {
        foreach (var codec in MojibakeCodec.All)
        {
            if (codec.ByteOf(c) is >= 0x80 and <= 0xBF)
                return true;
        }
        return false;
    }

    private static bool IsBox(char c) => c is >= '\u2500' and <= '\u259F';

    private static bool IsSpaceOrBox(char c) => c == ' ' || c == '\n' || c == '\t' || IsBox(c);

    private static bool IsLatin(char c) => c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF';

    private static bool IsGreek(char c) => c is >= '\u0370' and <= '\u03FF';

    private static bool IsHan(char c) => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>
    /// Blocks that real text decoded from UTF-8 holds: Latin, combining marks, Greek, Cyrillic, Hebrew, Arabic,
    /// the Indic and South-East Asian scripts, Latin Extended Additional (Vietnamese), punctuation, symbols,
    /// math, CJK, kana, Hangul, ligatures, full-width forms, and from the supplementary planes the math
    /// alphanumerics, emoji and CJK extensions. Anything else (IPA, Coptic, NKo, private use, unassigned) is a sign
    /// that good text only happened to fit the byte pattern: <c>É‘</c> would be U+0251, <c>Maß«</c> U+07EB.
    /// </summary>
    private static bool IsPlausibleDecoding(int codePoint) => codePoint switch
    {
        >= 0x00A0 and <= 0x024F => true,
        >= 0x02B0 and <= 0x036F => true,
        >= 0x0370 and <= 0x03E1 => true,
        >= 0x03F0 and <= 0x04FF => true,
        >= 0x0590 and <= 0x06FF => true,
        >= 0x0900 and <= 0x0E7F => true,
        >= 0x1100 and <= 0x11FF => true,
        >= 0x1E00 and <= 0x2BFF => true,
        >= 0x3000 and <= 0x30FF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xAC00 and <= 0xD7AF => true,
        >= 0xFB00 and <= 0xFB4F => true,
        >= 0xFF00 and <= 0xFFEF => true,
        0xFFFD => true,
        >= 0x1D400 and <= 0x1D7FF => true,
        >= 0x1F000 and <= 0x1FAFF => true,
        >= 0x20000 and <= 0x2FA1F => true,
        _ => false,
    };
}
