namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// A push parser for one viewer layout: fed line by line, it returns rows and row errors as they
/// complete, so the synchronous and asynchronous readers share every rule. Header errors, which no
/// reader can step past, are thrown.
/// </summary>
internal abstract class ViewerParser
{
    protected ViewerParser(string sourceName) => SourceName = sourceName;

    /// <summary>The header, once it has been read completely; <c>null</c> before.</summary>
    public IReadOnlyList<ViewerColumn>? Columns { get; protected set; }

    /// <summary>The line on which the header starts (for header-level errors raised by readers).</summary>
    public long HeaderLine { get; protected set; } = 1;

    /// <summary>
    /// Where and why the header ended, when a layout ends it at the first line that breaks its pattern (a name
    /// not followed by a type word) and the lines after show the header going on: a reader whose columns are
    /// missing names it, since the damage that cut the header short is there, not at the header's first line.
    /// </summary>
    public string? HeaderEnd { get; protected set; }

    /// <summary>The line whose text ended the header by breaking its pattern (no type word under a name); 0 when none did.</summary>
    public long HeaderEndedAt { get; protected set; }

    /// <summary>Whether the header is read and nothing later can change what it says (<see cref="HeaderEnd"/> included).</summary>
    public virtual bool HeaderSettled => Columns is not null;

    /// <summary>Rows started so far (including bad ones).</summary>
    public long RowsStarted { get; protected set; }

    protected string SourceName { get; }

    /// <summary>Takes the next line; completed rows and errors are added to <paramref name="output"/>.</summary>
    public abstract void Push(string line, long lineNumber, List<ViewerOutput> output);

    /// <summary>Signals the end of the input; a pending row becomes an error.</summary>
    public abstract void Complete(long lastLine, List<ViewerOutput> output);

    protected PaperChunksFormatException HeaderError(long line, string? field, string reason) =>
        new(SourceName, line, 0, field, reason);

    /// <summary>The viewer prints an absent value as the word <c>null</c>.</summary>
    protected static string? Cell(string text) => text == "null" ? null : text;
}
