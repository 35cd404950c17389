namespace PaperChunks.Text;

/// <summary>
/// SciTLDR replaced citations and figure references by markers (<c>BID6</c>, <c>FIG0</c>, <c>TAB2</c>) and
/// left the punctuation of citation lists behind (<c>(; ;)</c>, <c>( ; ; b; ; ;)</c>, <c>(a; ; ; b;)</c>).
/// Removes each marker (a whole token: the prefix, digits, no letter or digit on either side) and each
/// parenthesis holding only semicolons, spaces and single letters that either starts with a semicolon or
/// has more semicolons than letters, together with the one space before it. Math such as <c>(x; y)</c> or
/// <c>(x; y; z)</c> stays.
/// </summary>
internal sealed class SciTldrMarkerRepair : TextRepair
{
    public SciTldrMarkerRepair()
        : base(null)
    {
    }

    public override RepairKind Kind => RepairKind.SciTldrMarker;

    public override string Apply(string text, RepairSession session)
    {
        TextRewriter? rewriter = null;
        var i = text.AsSpan().IndexOfAny("BFT(");
        while (i >= 0)
        {
            var length = text[i] == '(' ? ResidueLength(text, i) : MarkerLength(text, i);
            if (length > 0)
            {
                rewriter ??= new TextRewriter(text, session, Kind);
                var start = i > 0 && text[i - 1] == ' ' && i - 1 >= rewriter.Position ? i - 1 : i;
                rewriter.Replace(start, i + length - start, "");
                i += length;
            }
            else
            {
                i++;
            }
            var found = i < text.Length ? text.AsSpan(i).IndexOfAny("BFT(") : -1;
            i = found < 0 ? -1 : i + found;
        }
        return rewriter?.Finish() ?? text;
    }

    private static int MarkerLength(string text, int i)
    {
        var span = text.AsSpan(i);
        if (!(span.StartsWith("BID", StringComparison.Ordinal) || span.StartsWith("FIG", StringComparison.Ordinal)
              || span.StartsWith("TAB", StringComparison.Ordinal)) || char.IsLetterOrDigit(At(text, i - 1)))
            return 0;
        var end = i + 3;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return end > i + 3 && !char.IsLetterOrDigit(At(text, end)) ? end - i : 0;
    }

    private static int ResidueLength(string text, int open)
    {
        int semicolons = 0, letters = 0;
        var startsWithSemicolon = false;
        for (var k = open + 1; k < text.Length; k++)
        {
            var c = text[k];
            if (c == ')')
                return startsWithSemicolon || semicolons > letters ? k - open + 1 : 0;
            if (c == ';')
            {
                startsWithSemicolon |= semicolons + letters == 0;
                semicolons++;
            }
            else if (char.IsLetter(c) && !IsLetterAt(text, k - 1) && !IsLetterAt(text, k + 1))
            {
                letters++;
            }
            else if (c != ' ')
            {
                return 0;
            }
        }
        return 0;
    }
}
