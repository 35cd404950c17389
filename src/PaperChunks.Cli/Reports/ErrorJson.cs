namespace PaperChunks.Cli.Reports;

/// <summary>A located error as every report lists it: a bad row, or why a run stopped.</summary>
/// <param name="File">The input or output file; null when nothing locates the error (a usage error).</param>
/// <param name="Line">The 1-based line or row; 0 for the file as a whole.</param>
/// <param name="Column">The 1-based column; 0 when not known.</param>
/// <param name="Field">The field, by its on-disk name; null when not one field's.</param>
/// <param name="Message">What was expected and what was found.</param>
internal sealed record ErrorJson(string? File, long Line, long Column, string? Field, string Message)
{
    /// <summary>A format error: located by file, line, column and field.</summary>
    public static ErrorJson Of(PaperChunksFormatException e) => new(e.SourceName, e.Line, e.Column, e.Field, e.Reason);

    /// <summary>Why a run stopped: located for input errors, by the output path for output errors.</summary>
    public static ErrorJson Of(PaperChunksException e) => e switch
    {
        PaperChunksFormatException f => Of(f),
        PaperChunksOutputException o => new(o.Path, 0, 0, null, ErrorText.ReasonOf(o)),
        _ => Unlocated(e.Message),
    };

    /// <summary>Why a run stopped, when nothing locates it (a usage error, cancellation, a bug).</summary>
    public static ErrorJson Unlocated(string message) => new(null, 0, 0, null, message);
}
