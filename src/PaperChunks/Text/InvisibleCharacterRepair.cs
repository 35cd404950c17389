namespace PaperChunks.Text;

/// <summary>
/// Characters a reader cannot see: soft hyphen (U+00AD), zero-width space (U+200B), word joiner (U+2060),
/// byte-order mark (U+FEFF) and the C0/C1 control characters other than tab, line feed and carriage return
/// are removed (a C1 control that is Windows-1252 punctuation was mapped by <see cref="EncodingMixupRepair"/>
/// already); the no-break space (U+00A0) becomes a space only when asked. Zero-width (non-)joiners (U+200C, U+200D) are
/// removed only between two Latin letters: elsewhere they shape Arabic, Indic and emoji text.
/// </summary>
internal sealed class InvisibleCharacterRepair : TextRepair
{
    private const string Invisible =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

    public InvisibleCharacterRepair(bool replaceNoBreakSpaces)
        : base(replaceNoBreakSpaces ? Invisible + "\u00A0" : Invisible)
    {
    }

    public override RepairKind Kind => RepairKind.InvisibleCharacter;

    protected override int RepairAt(string text, int index, TextRewriter rewriter, RepairSession session)
    {
        var c = text[index];
        if (c == '\u00A0')
            rewriter.Replace(index, 1, " ");
        else if (c is not ('\u200C' or '\u200D') || (IsLatinLetter(At(text, index - 1)) && IsLatinLetter(At(text, index + 1))))
            rewriter.Replace(index, 1, "");
        return index + 1;
    }

    private static bool IsLatinLetter(char c) => c < '\u0250' && char.IsLetter(c);
}
