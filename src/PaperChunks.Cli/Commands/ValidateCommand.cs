using System.CommandLine;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;

namespace PaperChunks.Cli.Commands;

/// <summary><c>paperchunks validate FILE...</c>: every format error and rule violation as <c>file:line: message</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var report = CommonOptions.Report();
        var command = new Command("validate", "Check every row: syntax and types, id = doi#chunk-id, source matches the doi, valid dates. Lists every problem; exit code 1 if any.")
        {
            inputs, report,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(inputs)!, parse.GetValue(report)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] inputs, string report, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var rows = 0L;
        foreach (var input in inputs)
        {
            await using var reader = new JsonlChunkReader(input, new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });
            await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                rows++;
                foreach (var violation in RecordValidator.Validate(record))
                {
                    problems.Add(new Problem(input, reader.CurrentLine, 0, violation.Field, violation.Message));
                }
            }

            problems.AddRange(reader.Errors.Select(e => new Problem(e.Source, e.Line, e.Column, e.Field, e.Reason)));
        }

        problems.Sort((a, b) => (a.File, a.Line).CompareTo((b.File, b.Line)));
        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new { files = inputs, rows, valid = problems.Count == 0, problems }).ConfigureAwait(false);
        }
        else
        {
            foreach (var problem in problems)
            {
                await console.Out.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"{rows} rows, {problems.Count} problems").ConfigureAwait(false);
        }

        return problems.Count > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    private sealed record Problem(string File, long Line, long Column, string? Field, string Message)
    {
        public override string ToString()
        {
            var location = Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
            return Field is null ? $"{location}: {Message}" : $"{location}: field \"{Field}\": {Message}";
        }
    }
}
