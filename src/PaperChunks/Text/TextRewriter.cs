using System.Text;

namespace PaperChunks.Text;

/// <summary>
/// Builds a pass's output: copies the text between replacements, records each replacement as a
/// <see cref="TextFix"/> (with its offset in the caller's text) and as a <see cref="TextEdit"/>.
/// Replacements must come in increasing, non-overlapping order.
/// </summary>
internal sealed class TextRewriter(string input, RepairSession session, RepairKind kind)
{
    private readonly List<TextEdit> _edits = [];
    private StringBuilder? _output;
    private int _copied;

    public string Input { get; } = input;

    /// <summary>Where the copy has got to in <see cref="Input"/>: replacements may not start before it.</summary>
    public int Position => _copied;

    public void Replace(int start, int length, string replacement)
    {
        _output ??= new StringBuilder(Input.Length);
        _output.Append(Input, _copied, start - _copied);
        _edits.Add(new TextEdit(start, length, _output.Length, replacement.Length));
        session.Fix(kind, start, Input.Substring(start, length), replacement);
        _output.Append(replacement);
        _copied = start + length;
    }

    /// <summary>The pass's output (the input itself when nothing was replaced); registers the edits with the session.</summary>
    public string Finish()
    {
        if (_output is null)
            return Input;
        _output.Append(Input, _copied, Input.Length - _copied);
        session.AddPass([.. _edits]);
        return _output.ToString();
    }
}
