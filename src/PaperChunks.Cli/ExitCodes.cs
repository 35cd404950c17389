namespace PaperChunks.Cli;

/// <summary>The tool's exit codes, also listed in <c>--help</c> and docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>Everything read and written, no data errors.</summary>
    public const int Clean = 0;

    /// <summary>The input has errors or violations (listed on stderr or in the report).</summary>
    public const int DataErrors = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected failure (a bug: please report it with the message).</summary>
    public const int Failure = 3;

    /// <summary>Cancelled by Ctrl+C; nothing partial was left.</summary>
    public const int Cancelled = 130;

    public const string HelpText =
        "Exit codes: 0 clean, 1 data errors in the input, 2 usage error, 3 unexpected failure, 130 cancelled.";
}
