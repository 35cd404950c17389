using System.CommandLine;
using PaperChunks.Formats;

namespace PaperChunks.Cli.Commands;

/// <summary><c>paperchunks detect FILE...</c>: each input's format, compression and record kind.</summary>
internal static class DetectCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var from = CommonOptions.From();
        var report = CommonOptions.Report();
        var command = new Command("detect", "Name each input's format (jsonl, jsonl.gz, jsonl.zst, csv, parquet, viewer-lines, viewer-table, shortscience) and record kind, from content and extension.")
        {
            inputs, from, report,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(inputs)!, CommonOptions.FormatOf(parse.GetValue(from)), parse.GetValue(report)!));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] inputs, InputFormat? from, string report)
    {
        var found = inputs.Select(input => (Input: input, Detected: PaperChunksReader.Detect(input, null, from))).ToList();
        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, found.Select(f => new { file = f.Input, format = f.Detected.Name, kind = f.Detected.KindName })).ConfigureAwait(false);
        }
        else
        {
            foreach (var (input, detected) in found)
            {
                await console.Out.WriteLineAsync($"{input}: {detected.Name}, {detected.KindName} rows").ConfigureAwait(false);
            }
        }

        return ExitCodes.Clean;
    }
}
