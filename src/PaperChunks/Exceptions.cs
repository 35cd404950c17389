using PaperChunks.Records;

namespace PaperChunks;

/// <summary>
/// Base of every exception PaperChunks throws on purpose. Catch this to handle any data problem the
/// library detected; anything else escaping the library is a bug.
/// </summary>
public abstract class PaperChunksException : Exception
{
    private protected PaperChunksException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// An input file does not match its format. The message reads <c>file:line:column: field "x": what
/// was expected, what was found</c>; the same facts are available as properties.
/// </summary>
public sealed class PaperChunksFormatException : PaperChunksException
{
    internal PaperChunksFormatException(
        string source, long line, long column, string? field, string reason, Exception? inner = null)
        : base(Format(source, line, column, field, reason), inner)
    {
        SourceName = source;
        Line = line;
        Column = column;
        Field = field;
        Reason = MessageText.Escape(reason);
    }

    /// <summary>
    /// The file (as the caller named it) or stream name the bad input came from. Named so as not to hide
    /// <see cref="Exception.Source"/>, which keeps its meaning (the assembly that threw).
    /// </summary>
    public string SourceName { get; }

    /// <summary>1-based line of the bad input, or 0 where the format has no lines (Parquet).</summary>
    public long Line { get; }

    /// <summary>1-based character column within <see cref="Line"/>, or 0 when not known.</summary>
    public long Column { get; }

    /// <summary>The on-disk field or column name involved, or <see langword="null"/> for a whole row.</summary>
    public string? Field { get; }

    /// <summary>
    /// What was expected and what was found, without the location prefix; input text in it is escaped
    /// (<see cref="MessageText.Escape"/>), as it is in <see cref="Exception.Message"/>.
    /// </summary>
    public string Reason { get; }

    // Every message of the library is built here, so input text in it (a file name, a field name, a quoted
    // value) is escaped in one place: a row cannot print a line of its own or clear the terminal.
    private static string Format(string source, long line, long column, string? field, string reason)
    {
        var file = MessageText.Escape(source);
        var location = line <= 0 ? file : column <= 0 ? $"{file}:{line}" : $"{file}:{line}:{column}";
        var why = MessageText.Escape(reason);
        return field is null ? $"{location}: {why}" : $"{location}: field \"{MessageText.Escape(field)}\": {why}";
    }
}

/// <summary>
/// An output could not be written as asked (it exists and overwriting was not allowed, a partition
/// value would escape the output folder, the disk is full). Nothing partial is left behind.
/// </summary>
public sealed class PaperChunksOutputException : PaperChunksException
{
    internal PaperChunksOutputException(string path, string reason, Exception? inner = null, bool outputExists = false)
        : base($"{MessageText.Escape(path)}: {MessageText.Escape(reason)}", inner)
    {
        Path = path;
        Reason = MessageText.Escape(reason);
        OutputExists = outputExists;
    }

    /// <summary>An output that was refused because it exists and overwriting was off
    /// (<see cref="WriterOptions.Overwrite"/>), so a caller can tell the user how to allow it.</summary>
    public bool OutputExists { get; }

    /// <summary>The output path involved.</summary>
    public string Path { get; }

    /// <summary>What went wrong, without the path prefix; input text in it is escaped (<see cref="MessageText.Escape"/>).</summary>
    public string Reason { get; }
}
