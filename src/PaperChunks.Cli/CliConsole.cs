namespace PaperChunks.Cli;

/// <summary>Where the tool prints: stdout for results and reports, stderr for errors and progress.</summary>
/// <param name="Out">Results, human text or the JSON report.</param>
/// <param name="Error">Errors, warnings and progress.</param>
/// <param name="ErrorIsTerminal">Whether stderr is a terminal (progress is drawn only then).</param>
/// <param name="ErrorFormat">How errors are worded (<c>--error-format</c>).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool ErrorIsTerminal, ErrorFormat ErrorFormat = ErrorFormat.Text)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
