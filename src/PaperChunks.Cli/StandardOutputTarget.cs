using PaperChunks.Formats;

namespace PaperChunks.Cli;

/// <summary>
/// <c>-o -</c>: the output goes to stdout (as <c>/dev/stdout</c>, which the library streams into rather than
/// replaces), as JSON Lines unless <c>--to</c> says otherwise, and what the command would print there (the
/// summary, the JSON report) goes to stderr instead.
/// </summary>
internal static class StandardOutputTarget
{
    private const string Path = "/dev/stdout";

    /// <summary>JSON Lines for stdout, which has no extension to name a format; null for any other output.</summary>
    public static OutputFormat? FormatOf(string output) => output == Path ? OutputFormat.Jsonl : null;

    public static (string[] Args, CliConsole Console) Apply(string[] args, CliConsole console)
    {
        if (OperatingSystem.IsWindows())
        {
            return (args, console);
        }

        var mapped = (string[])args.Clone();
        var found = false;
        for (var i = 0; i < mapped.Length; i++)
        {
            if (mapped[i] is "--output=-" or "-o=-")
            {
                mapped[i] = mapped[i][..^1] + Path;
                found = true;
            }
            else if (mapped[i] == "-" && i > 0 && args[i - 1] is "-o" or "--output")
            {
                mapped[i] = Path;
                found = true;
            }
        }

        return found ? (mapped, console with { Out = console.Error }) : (args, console);
    }
}
