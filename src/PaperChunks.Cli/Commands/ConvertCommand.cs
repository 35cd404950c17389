using System.CommandLine;
using PaperChunks.Conversion;

namespace PaperChunks.Cli.Commands;

/// <summary><c>paperchunks convert INPUT -o OUTPUT.jsonl</c>: any readable input to JSON Lines of its record kind.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "The input file; its format is detected from content and extension unless --from says." };
        var output = new Option<string>("--output", "-o") { Description = "The JSON Lines file to write (.jsonl, .jsonl.gz, .jsonl.zst).", Required = true };
        output.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>() ?? "";
            if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)
                && !path.EndsWith(".jsonl.zst", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--output must name a .jsonl, .jsonl.gz or .jsonl.zst file, found \"{path}\".");
            }
        });
        var from = CommonOptions.From();
        var onError = CommonOptions.OnError();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output (otherwise it is an error and stays untouched)." };
        var report = CommonOptions.Report();
        var command = new Command("convert", "Convert an input (JSONL, dataset-viewer copy, ShortScience page) to JSON Lines of its record kind. Nothing is left at the output on failure.")
        {
            input, output, from, onError, overwrite, report,
        };
        command.SetAction((parse, ct) => RunAsync(
            console,
            parse.GetValue(input)!,
            parse.GetValue(output)!,
            new ReaderOptions { ErrorPolicy = CommonOptions.PolicyOf(parse.GetValue(onError)!) },
            CommonOptions.FormatOf(parse.GetValue(from)),
            parse.GetValue(overwrite),
            parse.GetValue(report)!,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string input, string output, ReaderOptions options, Formats.InputFormat? from, bool overwrite, string report, CancellationToken ct)
    {
        var result = await JsonlConverter.ConvertAsync(input, output, options, from, overwrite, ct).ConfigureAwait(false);
        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new
            {
                input,
                format = result.Input.Name,
                kind = result.Input.KindName,
                output = result.Output,
                rows = result.Rows,
                error_count = result.ErrorCount,
                errors = result.Errors.Select(JsonReport.Error),
            }).ConfigureAwait(false);
        }
        else
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"{input} ({result.Input.Name}, {result.Input.KindName} rows) -> {result.Output}: {result.Rows} rows, {result.ErrorCount} skipped").ConfigureAwait(false);
        }

        return result.ErrorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }
}
