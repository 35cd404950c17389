using System.Collections.Frozen;

namespace PaperChunks.Text;

/// <summary>
/// PDF text layers often give an accent as its spacing form beside the letter (<c>J¨urgen</c>,
/// <c>´Swirszcz</c>, <c>Ça˘glar</c>). The accent is joined to the letter after it, or, when that letter does not
/// compose with it, to the letter before it, and only when the pair has a precomposed (NFC) form; dotless ı takes
/// the accent as i does (<c>N¨ımes</c> → <c>Nïmes</c>). An acute or grave used as an apostrophe
/// (<c>John´s</c>, <c>don´t</c>) is left alone. The grave accent is not handled: it is the backtick of code and LaTeX.
/// </summary>
internal sealed class SpacingDiacriticRepair : TextRepair
{
    // Spacing diacritic → pairs of (base letter, its NFC composition with the combining mark), generated with
    // Python's unicodedata.normalize("NFC", letter + mark) over A–Z and a–z.
    private static readonly (char Mark, string Pairs)[] s_table =
    [
        ('\u00A8', "aäeëhḧiïoötẗuüwẅxẍyÿAÄEËHḦIÏOÖUÜWẄXẌYŸ"),                               // ¨ U+0308
        ('\u00B4', "aácćeégǵiíkḱlĺmḿnńoópṕrŕsśuúwẃyýzźAÁCĆEÉGǴIÍKḰLĹMḾNŃOÓPṔRŔSŚUÚWẂYÝZŹ"), // ´ U+0301
        ('\u02D8', "aăeĕgğiĭoŏuŭAĂEĔGĞIĬOŎUŬ"),                                               // ˘ U+0306
        ('\u02C7', "aǎcčdďeěgǧhȟiǐjǰkǩlľnňoǒrřsštťuǔzžAǍCČDĎEĚGǦHȞIǏKǨLĽNŇOǑRŘSŠTŤUǓZŽ"),       // ˇ U+030C
        ('\u02C6', "aâcĉeêgĝhĥiîjĵoôsŝuûwŵyŷzẑAÂCĈEÊGĜHĤIÎJĴOÔSŜUÛWŴYŶZẐ"),                   // ˆ U+0302
        ('\u02DC', "aãeẽiĩnñoõuũvṽyỹAÃEẼIĨNÑOÕUŨVṼYỸ"),                                       // ˜ U+0303
        ('\u02DA', "aåuůwẘyẙAÅUŮ"),                                                           // ˚ U+030A
        ('\u00B8', "cçdḑeȩgģhḩkķlļnņrŗsştţCÇDḐEȨGĢHḨKĶLĻNŅRŖSŞTŢ"),                           // ¸ U+0327
        ('\u02DD', "oőuűOŐUŰ"),                                                               // ˝ U+030B
        ('\u02DB', "aąeęiįoǫuųAĄEĘIĮOǪUŲ"),                                                   // ˛ U+0328
        ('\u02D9', "aȧbḃcċdḋeėfḟgġhḣmṁnṅoȯpṗrṙsṡtṫwẇxẋyẏzżAȦBḂCĊDḊEĖFḞGĠHḢIİMṀNṄOȮPṖRṘSṠTṪWẆXẊYẎZŻ"), // ˙ U+0307
    ];

    private static readonly FrozenDictionary<(char Mark, char Letter), char> s_compose = BuildTable();

    public SpacingDiacriticRepair()
        : base("\u00A8\u00B4\u02D8\u02C7\u02C6\u02DC\u02DA\u00B8\u02DD\u02DB\u02D9")
    {
    }

    public override RepairKind Kind => RepairKind.SpacingDiacritic;

    protected override int RepairAt(string text, int i, TextRewriter rewriter, RepairSession session)
    {
        var mark = text[i];
        var next = At(text, i + 1);
        var previous = At(text, i - 1);
        if (IsApostrophe(text, i))
            return i + 1;
        if (char.IsLetter(next) && TryCompose(mark, next, out var composed))
            rewriter.Replace(i, 2, composed.ToString());
        // Joined to the letter before only inside a word (Gu¨lc): before a space or punctuation it is a mark of
        // its own (scars´ stones, a Greek ¨ quote).
        else if (char.IsLetter(previous) && char.IsLetter(next) && i - 1 >= rewriter.Position && TryCompose(mark, previous, out composed))
            rewriter.Replace(i - 1, 2, composed.ToString());
        else if (char.IsLetter(next) || char.IsLetter(previous))
            session.Undecide(Kind, text, i, 1, $"{mark} has no precomposed form with the letter before or after it");
        return i + 1;
    }

    /// <summary>The precomposed letter of <paramref name="mark"/> (a spacing accent) over <paramref name="letter"/>, if there is one.</summary>
    internal static bool TryCompose(char mark, char letter, out char composed) =>
        s_compose.TryGetValue((mark, letter == 'ı' ? 'i' : letter), out composed);

    // ´ or ` between a letter and a contraction ending (John´s, don´t) is an apostrophe.
    private static bool IsApostrophe(string text, int i) =>
        text[i] == '\u00B4' && IsLetterAt(text, i - 1) && ContractionFollows(text, i, out _);

    private static FrozenDictionary<(char Mark, char Letter), char> BuildTable()
    {
        var table = new Dictionary<(char Mark, char Letter), char>();
        foreach (var (mark, pairs) in s_table)
        {
            var k = 0;
            while (k < pairs.Length)
            {
                table[(mark, pairs[k])] = pairs[k + 1];
                k += 2;
            }
        }
        return table.ToFrozenDictionary();
    }
}
