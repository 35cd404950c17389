namespace PaperChunks.Formats;

/// <summary>Shortens input text quoted in error messages, so a 149k-character cell does not become the message.</summary>
internal static class TextExcerpt
{
    public static string Of(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
