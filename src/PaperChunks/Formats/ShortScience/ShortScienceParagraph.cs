namespace PaperChunks.Formats.ShortScience;

/// <summary>A run of non-blank lines of the page, with the line it starts on.</summary>
/// <param name="Line">1-based line of the first line.</param>
/// <param name="Lines">The lines, without their breaks.</param>
internal sealed record ShortScienceParagraph(long Line, List<string> Lines)
{
    public string First => Lines[0];

    public string Text => string.Join('\n', Lines);
}
