namespace PaperChunks.Text;

/// <summary>The Latin ligature code points U+FB00–U+FB06 (<c>ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ</c>) spelled out as their letters, as NFKC does.</summary>
internal sealed class LigatureRepair : TextRepair
{
    private static readonly string[] s_letters = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    public LigatureRepair()
        : base("\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06")
    {
    }

    public override RepairKind Kind => RepairKind.Ligature;

    protected override int RepairAt(string text, int index, TextRewriter rewriter, RepairSession session)
    {
        rewriter.Replace(index, 1, s_letters[text[index] - '\uFB00']);
        return index + 1;
    }
}
