namespace PaperChunks.Formats.ViewerText;

/// <summary>A cell that does not fit its column; the reader turns it into a located <see cref="PaperChunksFormatException"/>.</summary>
internal sealed class ViewerCellException : Exception
{
    public ViewerCellException(long line, string field, string reason)
        : base(reason)
    {
        Line = line;
        Field = field;
    }

    public long Line { get; }

    public string Field { get; }
}
