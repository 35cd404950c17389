using System.Text;

namespace PaperChunks.Text;

/// <summary>
/// UTF-8 that was decoded as Windows-1252 or Latin-1 with every byte kept: each character of the damaged
/// sequence maps back to one byte, and the bytes form one strictly valid UTF-8 character
/// (<c>Ã©</c> = C3 A9 → <c>é</c>; <c>â€™</c> = E2 80 99 → <c>’</c>). Text decoded wrongly twice is
/// repaired by running this pass twice. A lead character (Â–ô) followed by anything else is left alone,
/// which is what keeps <c>São</c>, <c>pâte</c> and <c>déjà</c> intact.
/// </summary>
internal sealed class LosslessMojibakeRepair : TextRepair
{
    // U+00C2–U+00F4: the characters Latin-1 and Windows-1252 give the UTF-8 lead bytes C2–F4.
    private const string LeadCharacters =
        "ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóô";

    public LosslessMojibakeRepair()
        : base(LeadCharacters)
    {
    }

    public override RepairKind Kind => RepairKind.LosslessMojibake;

    protected override int RepairAt(string text, int index, TextRewriter rewriter, RepairSession session)
    {
        var length = TryDecode(text, index, out var decoded);
        if (length == 0)
            return index + 1;
        rewriter.Replace(index, length, decoded!);
        return index + length;
    }

    /// <summary>The number of characters of one mis-decoded UTF-8 character at <paramref name="index"/>, or 0.</summary>
    internal static int TryDecode(string text, int index, out string? decoded)
    {
        decoded = null;
        int lead = text[index];
        var count = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (index + count > text.Length)
            return 0;
        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = (byte)lead;
        for (var k = 1; k < count; k++)
        {
            var b = ByteOf(text[index + k]);
            if (b is < 0x80 or > 0xBF)
                return 0;
            bytes[k] = (byte)b;
        }
        // Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
        var second = bytes[1];
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
            || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F))
            return 0;
        var rune = new Rune(count switch
        {
            2 => ((lead & 0x1F) << 6) | (second & 0x3F),
            3 => ((lead & 0x0F) << 12) | ((second & 0x3F) << 6) | (bytes[2] & 0x3F),
            _ => ((lead & 0x07) << 18) | ((second & 0x3F) << 12) | ((bytes[2] & 0x3F) << 6) | (bytes[3] & 0x3F),
        });
        if (!IsPlausible(rune.Value))
            return 0;
        decoded = rune.ToString();
        return count;
    }

    /// <summary>
    /// Whether a decoded character is one that text in these corpora holds. Real accented words can look
    /// like mojibake when punctuation follows them (<c>É‘</c> would be U+0251 ɑ, <c>Maß«</c> U+07EB,
    /// <c>café »</c> with a no-break space U+983B), so a decoding is only accepted into Latin-1 and Latin
    /// Extended-A (U+00A0–U+017F), the spacing accents (U+02C6–U+02DD), Greek and basic Cyrillic letters,
    /// and, from three or four bytes, punctuation, symbols and math (U+1E00–U+27FF), ligatures
    /// (U+FB00–U+FB4F), U+FFFD, and from four bytes the mathematical alphanumerics (U+1D400–U+1D7FF) and
    /// pictographs (U+1F300–U+1FAFF). Other supplementary code points are mostly unassigned: <c>ñ‘•—</c>
    /// (good Spanish and typography) would decode to U+51557, so they are refused. Mojibake of IPA, CJK,
    /// Arabic or Hebrew text is left alone: telling it from real text needs a language model, not a byte table.
    /// </summary>
    private static bool IsPlausible(int codePoint) => codePoint switch
    {
        >= 0x00A0 and <= 0x017F => true,
        >= 0x02C6 and <= 0x02DD => true,
        >= 0x0391 and <= 0x03C9 => true,
        >= 0x0400 and <= 0x045F => true,
        >= 0x1E00 and <= 0x27FF => true,
        >= 0xFB00 and <= 0xFB4F => true,
        0xFFFD => true,
        >= 0x1D400 and <= 0x1D7FF => true,
        >= 0x1F300 and <= 0x1FAFF => true,
        _ => false,
    };

    /// <summary>The byte a character stands for when bytes were decoded as Latin-1 or Windows-1252, or -1.</summary>
    internal static int ByteOf(char c) => c switch
    {
        < '\u0100' => c,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => -1,
    };
}
