namespace PaperChunks.Cli;

/// <summary>
/// The command line asks for something the command cannot do (an option that does not apply, an output name
/// that contradicts <c>--to</c>). Thrown by a command and turned into exit code 2 at the top level, which also
/// prints it as the JSON report under <c>--report json</c>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>
    /// The library's refusal of an option's value, without the lines .NET adds (<c>(Parameter 'x')</c>,
    /// <c>Actual value was 0.</c>): they name the library's parameters, not the tool's options.
    /// </summary>
    public static UsageException From(ArgumentException e)
    {
        var message = e.Message;
        if (e is ArgumentOutOfRangeException { ActualValue: not null } && message.LastIndexOf('\n') is var end and > 0)
        {
            message = message[..end].TrimEnd('\r');
        }

        // The suffix is built the way .NET builds it, so it is found in any language the runtime speaks.
        var suffix = e.ParamName is null ? "" : new ArgumentException("", e.ParamName).Message;
        return new UsageException(suffix.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message);
    }
}
