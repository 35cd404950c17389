namespace PaperChunks.Cli;

/// <summary>
/// The command line asks for something the command cannot do (an option that does not apply, an output name
/// that contradicts <c>--to</c>). Thrown by a command and turned into exit code 2 at the top level, which also
/// prints it as the JSON report under <c>--report json</c>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
