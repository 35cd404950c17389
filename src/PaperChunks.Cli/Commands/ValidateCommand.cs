using System.CommandLine;
using PaperChunks.Cli.Reports;
using PaperChunks.Formats;
using PaperChunks.Records;

namespace PaperChunks.Cli.Commands;

/// <summary><c>paperchunks validate FILE...</c>: every format error and rule violation as <c>file:line: message</c>; <c>--split NAME</c> for one split of a dataset folder.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var report = CommonOptions.Report();
        var shard = CommonOptions.Shard();
        var split = CommonOptions.Split();
        var command = new Command("validate", "Check every row of chunk or SciTLDR files in any readable format: syntax and types, then the rules (id = doi#chunk-id, source matches the doi, valid dates; 0/1 labels, one per sentence). Lists every problem; exit code 1 if any.")
        {
            inputs, report, shard, split,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(inputs)!, parse.GetValue(report)!, new ReaderOptions
        {
            ErrorPolicy = ErrorPolicy.SkipAndReport,
            Shard = parse.GetValue(shard),
            Split = CommonOptions.SplitFor(parse.GetValue(split), parse.GetValue(inputs)!),
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] inputs, string report, ReaderOptions options, CancellationToken ct)
    {
        var shard = options.Shard;
        var problems = new List<Problem>();
        var rows = 0L;
        foreach (var input in inputs)
        {
            try
            {
                rows += PaperChunksReader.Detect(input, options).Kind switch
                {
                    RecordKind.Chunk => await CheckAsync(input, PaperChunksReader.OpenChunks(input, options), RecordValidator.Validate, problems, ct).ConfigureAwait(false),
                    RecordKind.Summarization => await CheckAsync(input, PaperChunksReader.OpenSummarization(input, options), RecordValidator.Validate, problems, ct).ConfigureAwait(false),
                    RecordKind.PaperSummary => await CheckAsync(input, PaperChunksReader.OpenPaperSummaries(input, options), NoRules, problems, ct).ConfigureAwait(false),
                    _ => await CheckAsync(input, PaperChunksReader.OpenGeneric(input, options), NoRules, problems, ct).ConfigureAwait(false),
                };
            }
            catch (PaperChunksFormatException e)
            {
                // A file that cannot be opened or read on (corrupt compression, damaged Parquet) is one more problem;
                // the other files are still checked.
                problems.Add(Problem.Of(e));
            }
        }

        problems.Sort((a, b) => (a.File, a.Line).CompareTo((b.File, b.Line)));
        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new ValidateJson(inputs, shard?.ToString(), rows, problems.Count == 0, [.. problems.Select(p => p.Json)])).ConfigureAwait(false);
        }
        else
        {
            foreach (var problem in problems)
            {
                await console.Out.WriteLineAsync(problem.Text(console.ErrorFormat)).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"{rows} rows, {problems.Count} problems").ConfigureAwait(false);
        }

        return problems.Count > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    /// <summary>Reads every row (format errors become problems) and applies the kind's rules to each.</summary>
    private static async Task<long> CheckAsync<T>(
        string input, RecordReader<T> reader, Func<T, IReadOnlyList<RecordViolation>> rules, List<Problem> problems, CancellationToken ct)
        where T : class
    {
        var rows = 0L;
        await using (reader.ConfigureAwait(false))
        {
            try
            {
                await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    rows++;
                    foreach (var violation in rules(record))
                    {
                        problems.Add(new Problem(input, reader.CurrentLine, 0, violation.Field, violation.Message));
                    }
                }
            }
            catch (PaperChunksFormatException e)
            {
                // The rows and problems before a stop that no row can step past are kept and listed with it.
                problems.Add(Problem.Of(e));
            }

            problems.AddRange(reader.Errors.Select(Problem.Of));
        }

        return rows;
    }

    // Paper summaries and generic rows have no rules beyond being readable.
    private static IReadOnlyList<RecordViolation> NoRules<T>(T record) => [];

    private sealed record Problem(string File, long Line, long Column, string? Field, string Message)
    {
        public static Problem Of(PaperChunksFormatException e) => new(e.SourceName, e.Line, e.Column, e.Field, e.Reason);

        public ErrorJson Json => new(File, Line, Column, Field, Message);

        public string Text(ErrorFormat format) =>
            format == ErrorFormat.Text ? ToString() : ErrorText.Located(File, Line, Column, Field, Message, ErrorText.InputCode);

        public override string ToString()
        {
            // A file that cannot be opened has no line: it is named alone, as in every other command.
            var file = MessageText.Escape(File);
            var location = Line <= 0 ? file : Column > 0 ? $"{file}:{Line}:{Column}" : $"{file}:{Line}";
            return Field is null ? $"{location}: {Message}" : $"{location}: field \"{MessageText.Escape(Field)}\": {Message}";
        }
    }
}
