using System.Buffers;

namespace PaperChunks.Text;

/// <summary>
/// One kind of repair: a pass over the whole text that returns it unchanged (the same instance) when none
/// of its <see cref="Triggers"/> occurs, and otherwise looks at each trigger in turn through
/// <see cref="RepairAt"/>, rewriting through a <see cref="TextRewriter"/>.
/// </summary>
internal abstract class TextRepair
{
    private readonly SearchValues<char>? _triggers;

    protected TextRepair(string? triggers)
    {
        Triggers = triggers;
        _triggers = triggers is null ? null : SearchValues.Create(triggers);
    }

    public abstract RepairKind Kind { get; }

    /// <summary>The characters that can start a sequence this repair handles, or <see langword="null"/> when it overrides <see cref="Apply"/> to search for itself.</summary>
    public string? Triggers { get; }

    public virtual string Apply(string text, RepairSession session)
    {
        var i = text.AsSpan().IndexOfAny(_triggers!);
        if (i < 0)
            return text;
        var rewriter = new TextRewriter(text, session, Kind);
        while (i >= 0)
        {
            var next = RepairAt(text, i, rewriter, session);
            if (next >= text.Length)
                break;
            var found = text.AsSpan(next).IndexOfAny(_triggers!);
            i = found < 0 ? -1 : next + found;
        }
        return rewriter.Finish();
    }

    /// <summary>Looks at the trigger at <paramref name="index"/>; returns where the search for the next one starts.</summary>
    protected virtual int RepairAt(string text, int index, TextRewriter rewriter, RepairSession session) => index + 1;

    protected static bool IsLetterAt(string text, int index) => (uint)index < (uint)text.Length && char.IsLetter(text[index]);

    protected static char At(string text, int index) => (uint)index < (uint)text.Length ? text[index] : '\0';

    /// <summary>Whether a contraction ending (<c>s</c>, <c>t</c>, <c>ll</c>, …) follows <paramref name="index"/> as a whole word ending.</summary>
    protected static bool ContractionFollows(string text, int index, out string ending)
    {
        var rest = text.AsSpan(index + 1);
        foreach (var candidate in (ReadOnlySpan<string>)["s", "t", "d", "m", "ll", "re", "ve"])
        {
            if (rest.StartsWith(candidate, StringComparison.Ordinal) && !IsLetterAt(text, index + 1 + candidate.Length))
            {
                ending = candidate;
                return true;
            }
        }
        ending = "";
        return false;
    }
}
