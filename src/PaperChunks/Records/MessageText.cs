using System.Buffers;
using System.Globalization;
using System.Text;

namespace PaperChunks.Records;

/// <summary>
/// Makes text taken from an input safe to print in a message: every character that a terminal acts on or
/// that hides or reorders text (C0 and C1 controls, DEL, line and paragraph separators, bidirectional
/// overrides, lone surrogates) is written as an escape such as <c>\u001B</c>, so a row cannot clear the
/// screen or print a line of its own. The library's exceptions apply it to every message they carry (it lives
/// with the records, the lowest layer, so the validator's messages use it too).
/// </summary>
public static class MessageText
{
    /// <summary>Longest excerpt of an input value quoted in a message, in characters.</summary>
    public const int ExcerptLength = 60;

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(UnsafeCharacters());

    /// <summary>The text with every unsafe character escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, else <c>\uXXXX</c>).</summary>
    /// <param name="text">Text from an input: a value, a field name, a file name.</param>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (!Unsafe.Contains(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                });
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// An input value as a message quotes it: at most <see cref="ExcerptLength"/> characters (longer ones end
    /// in <c>...</c>), then escaped, so a 149k-character cell does not become the message.
    /// </summary>
    /// <param name="text">The value.</param>
    public static string Excerpt(string text)
    {
        if (text.Length <= ExcerptLength)
        {
            return Escape(text);
        }

        var cut = ExcerptLength - 3;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return Escape(text[..cut]) + "...";
    }

    private static string UnsafeCharacters()
    {
        var set = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            set.Append(c);
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            set.Append(c);
        }

        // Arabic letter mark, LRM/RLM, line/paragraph separators, the embeddings and overrides, the isolates.
        set.Append("\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            set.Append(c);
        }

        return set.ToString();
    }
}
