using System.CommandLine;
using PaperChunks.Cli.Reports;
using PaperChunks.Cli.Commands;

namespace PaperChunks.Cli;

/// <summary>Builds the <c>paperchunks</c> command tree and runs it with the library's errors mapped to exit codes.</summary>
internal static class PaperChunksCli
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "paperchunks: inspect, validate, convert, normalize and reassemble chunked arXiv paper corpora.\n"
            + ExitCodes.HelpText);
        root.Subcommands.Add(StatsCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(DetectCommand.Create(console));
        root.Subcommands.Add(ConvertCommand.Create(console));
        root.Subcommands.Add(NormalizeCommand.Create(console));
        root.Subcommands.Add(ReassembleCommand.Create(console));
        root.Options.Add(CommonOptions.ErrorFormat());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        (args, console) = StandardOutputTarget.Apply(args, console);
        var parse = Build(console).Parse(args);
        if (WantsMsBuildErrors(parse))
        {
            // The commands print with the console they were built with, so they are built again with the format.
            console = console with { ErrorFormat = ErrorFormat.MsBuild };
            parse = Build(console).Parse(args);
        }

        var json = WantsJson(parse);
        // An unknown option swallowed as a file name is the cause of any other error (a missing input), so it alone is shown.
        var unknown = UnknownOptions.Find(parse, args);
        var errors = unknown.Count > 0 ? unknown : parse.Errors.Select(e => e.Message).ToList();
        if (errors.Count > 0 && !IsHelp(args))
        {
            foreach (var error in errors)
            {
                await console.Error.WriteLineAsync(ErrorText.Tool(console.ErrorFormat, ErrorText.UsageCode, error)).ConfigureAwait(false);
            }

            var help = parse.CommandResult.Command is RootCommand ? "paperchunks --help" : $"paperchunks {parse.CommandResult.Command.Name} --help";
            await console.Error.WriteLineAsync($"Run '{help}' for usage.").ConfigureAwait(false);
            return await FailedAsync(console, json, ExitCodes.Usage, ErrorJson.Unlocated(string.Join("; ", errors))).ConfigureAwait(false);
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            const string Message = "cancelled; no partial output was left.";
            await console.Error.WriteLineAsync(ErrorText.Tool(console.ErrorFormat, ErrorText.CancelledCode, Message)).ConfigureAwait(false);
            return await FailedAsync(console, json, ExitCodes.Cancelled, ErrorJson.Unlocated(Message)).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync(ErrorText.Tool(console.ErrorFormat, ErrorText.UsageCode, e.Message)).ConfigureAwait(false);
            return await FailedAsync(console, json, ExitCodes.Usage, ErrorJson.Unlocated(e.Message)).ConfigureAwait(false);
        }
        catch (PaperChunksException e)
        {
            await console.Error.WriteLineAsync(ErrorText.Stopped(console.ErrorFormat, e)).ConfigureAwait(false);
            return await FailedAsync(console, json, ExitCodes.DataErrors, ErrorJson.Of(e)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The top level is the one place that turns any failure into an exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync(ErrorText.Tool(console.ErrorFormat, ErrorText.FailureCode, $"unexpected failure: {e}")).ConfigureAwait(false);
            return await FailedAsync(console, json, ExitCodes.Failure, ErrorJson.Unlocated($"unexpected failure: {e.GetType().Name}: {e.Message}")).ConfigureAwait(false);
        }
    }

    // Under --report json a run that stops still prints its one JSON object on stdout, so a script always has one to parse.
    internal static async Task<int> FailedAsync(CliConsole console, bool json, int exitCode, ErrorJson error)
    {
        if (json)
        {
            await JsonReport.WriteAsync(console.Out, new FailureJson(exitCode, error)).ConfigureAwait(false);
        }

        return exitCode;
    }

    private static bool WantsJson(ParseResult parse)
    {
        var report = parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--report");
        return report is Option<string> option && parse.GetResult(option) is { } given && !given.Errors.Any() && parse.GetValue(option) == "json";
    }

    private static bool WantsMsBuildErrors(ParseResult parse)
    {
        var format = parse.RootCommandResult.Command.Options.OfType<Option<string>>().First(o => o.Name == "--error-format");
        return parse.GetResult(format) is { } given && !given.Errors.Any() && parse.GetValue(format) == "msbuild";
    }

    private static bool IsHelp(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
