namespace PaperChunks.Cli;

/// <summary>
/// How the tool words errors: the library's facts, with the tool's own flags where the library names its options,
/// as text or in MSBuild's canonical form (<see cref="ErrorFormat"/>).
/// </summary>
internal static class ErrorText
{
    /// <summary>Why an existing output was refused, naming the flag that allows it (the library names <c>WriterOptions.Overwrite</c>).</summary>
    public const string OutputExists = "the output exists; pass --overwrite to replace it";

    // MSBuild error codes, numbered by the exit code they go with (docs/cli.md).
    public const string InputCode = "PC1001";
    public const string OutputCode = "PC1002";
    public const string UsageCode = "PC2001";
    public const string FailureCode = "PC3001";
    public const string CancelledCode = "PC0130";

    /// <summary>The reason of an output error as the tool prints it.</summary>
    public static string ReasonOf(PaperChunksOutputException e) => e.OutputExists ? OutputExists : e.Reason;

    /// <summary>The whole message of a library error as the tool prints it.</summary>
    public static string Of(PaperChunksException e) => e is PaperChunksOutputException o ? $"{o.Path}: {ReasonOf(o)}" : e.Message;

    /// <summary>The stderr line of a run stopped by a library error.</summary>
    public static string Stopped(ErrorFormat format, PaperChunksException e) => format == ErrorFormat.Text
        ? $"paperchunks: {Of(e)}"
        : e switch
        {
            PaperChunksFormatException f => Located(f.SourceName, f.Line, f.Column, f.Field, f.Reason, InputCode),
            PaperChunksOutputException o => Located(o.Path, 0, 0, null, ReasonOf(o), OutputCode),
            _ => Tool(format, InputCode, e.Message),
        };

    /// <summary>The line of a bad row that was skipped: its message as the library words it, or located for MSBuild.</summary>
    public static string Row(ErrorFormat format, PaperChunksFormatException e) =>
        format == ErrorFormat.Text ? e.Message : Located(e.SourceName, e.Line, e.Column, e.Field, e.Reason, InputCode);

    /// <summary>The stderr line of the tool's own message (a usage error, cancellation, a failure).</summary>
    public static string Tool(ErrorFormat format, string code, string message) =>
        format == ErrorFormat.Text ? $"paperchunks: {message}" : $"paperchunks : error {code}: {message}";

    /// <summary>
    /// MSBuild's canonical error line: <c>file(line,column): error CODE: message</c>, <c>file(line)</c> without a column
    /// and <c>file</c> alone without a line (Parquet, an output).
    /// </summary>
    public static string Located(string file, long line, long column, string? field, string reason, string code)
    {
        var location = line <= 0 ? file : column <= 0 ? $"{file}({line})" : $"{file}({line},{column})";
        return $"{location}: error {code}: {(field is null ? reason : $"field \"{field}\": {reason}")}";
    }
}
