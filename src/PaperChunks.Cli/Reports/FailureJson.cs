namespace PaperChunks.Cli.Reports;

/// <summary>The report a run prints instead of its command's own when it stops, so a script always has one object to parse.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Error">Why it stopped.</param>
internal sealed record FailureJson(int ExitCode, ErrorJson Error);
