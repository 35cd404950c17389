using System.CommandLine;
using PaperChunks.Cli.Reports;
using PaperChunks.Formats;
using PaperChunks.Records;

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
        var found = new List<(string Input, DetectedFormat Detected)>();
        var errors = new List<PaperChunksFormatException>();
        foreach (var input in inputs)
        {
            try
            {
                found.Add((input, PaperChunksReader.Detect(input, null, from)));
            }
            catch (PaperChunksFormatException e)
            {
                // One unreadable file does not hide what the others are.
                errors.Add(e);
            }
        }

        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new DetectJson(
                [.. found.Select(f => new DetectedFileJson(f.Input, f.Detected.Name, f.Detected.KindName))],
                errors.Count,
                [.. errors.Select(ErrorJson.Of)])).ConfigureAwait(false);
        }
        else
        {
            foreach (var (input, detected) in found)
            {
                await console.Out.WriteLineAsync($"{MessageText.Escape(input)}: {detected.Name}, {detected.KindName} rows").ConfigureAwait(false);
            }

            foreach (var error in errors)
            {
                await console.Error.WriteLineAsync(ErrorText.Stopped(console.ErrorFormat, error)).ConfigureAwait(false);
            }
        }

        return errors.Count > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }
}
