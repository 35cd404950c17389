using System.CommandLine;
using System.Globalization;
using PaperChunks.Cli.Reports;
using PaperChunks.Formats;
using PaperChunks.Records;
using PaperChunks.Statistics;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks stats FILE...</c>: rows, papers, chunks per paper, chunk lengths, gaps, duplicates, nulls;
/// <c>--shard K/N</c> for one shard's papers, <c>--split NAME</c> for one split of a dataset folder, <c>--merge REPORT...</c> to join the shards' JSON reports.
/// </summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var report = CommonOptions.Report();
        var onError = CommonOptions.OnError();
        var shard = CommonOptions.Shard();
        var split = CommonOptions.Split();
        var merge = new Option<bool>("--merge")
        {
            Description = "The inputs are the --report json outputs of `stats --shard K/N` over the same files, one per shard: print the report one run over all of them gives.",
        };
        var command = new Command("stats", "Count rows, papers, chunks per paper, chunk lengths, missing and duplicate chunk ids, and nulls per column.")
        {
            inputs, report, onError, shard, split, merge,
        };
        command.SetAction((parse, ct) => parse.GetValue(merge)
            ? parse.GetResult(shard) is not null || parse.GetResult(split) is not null
                ? throw new UsageException($"{(parse.GetResult(shard) is not null ? "--shard" : "--split")} does not apply with --merge")
                : MergeAsync(console, parse.GetValue(inputs)!, parse.GetValue(report)!)
            : RunAsync(console, parse.GetValue(inputs)!, parse.GetValue(report)!, new ReaderOptions
            {
                ErrorPolicy = CommonOptions.PolicyOf(parse.GetValue(onError)!),
                Shard = parse.GetValue(shard),
                Split = CommonOptions.SplitFor(parse.GetValue(split), parse.GetValue(inputs)!),
            }, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] inputs, string report, ReaderOptions options, CancellationToken ct)
    {
        var shard = options.Shard;
        // Every gapped or duplicated paper is kept: the JSON report lists them all, the text names a few and counts the rest.
        var builder = new CorpusStatisticsBuilder { MaxListedPapers = int.MaxValue };
        var errors = new List<PaperChunksFormatException>();
        var errorCount = 0L;
        foreach (var input in inputs)
        {
            await using var reader = PaperChunksReader.OpenChunks(input, options);
            await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                builder.Add(record);
            }

            errors.AddRange(reader.Errors);
            errorCount += reader.ErrorCount;
        }

        var stats = builder.Build();
        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new StatsJson(inputs, shard?.ToString(), stats, errorCount, [.. errors.Select(ErrorJson.Of)])).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(console.Out, stats).ConfigureAwait(false);
            foreach (var error in errors)
            {
                await console.Error.WriteLineAsync(ErrorText.Row(console.ErrorFormat, error)).ConfigureAwait(false);
            }
        }

        return errorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    private static async Task<int> MergeAsync(CliConsole console, string[] paths, string report)
    {
        var reports = new List<(string Path, StatsJson Report)>();
        foreach (var path in paths)
        {
            try
            {
                await using var file = File.OpenRead(path);
                reports.Add((path, JsonReport.Read<StatsJson>(file) ?? throw new System.Text.Json.JsonException("expected a JSON object, found null")));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return await DataErrorAsync(console, report, $"{path}: expected the --report json output of `paperchunks stats --shard K/N`: {e.Message}").ConfigureAwait(false);
            }
        }

        if (IncompleteShards(reports) is { } problem)
        {
            return await DataErrorAsync(console, report, problem).ConfigureAwait(false);
        }

        var files = reports[0].Report.Files;
        var stats = CorpusStatistics.Merge([.. reports.Select(r => r.Report.Statistics)], int.MaxValue);
        var errors = reports.SelectMany(r => r.Report.Errors)
            .OrderBy(e => Array.IndexOf(files, e.File)).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList();
        var errorCount = reports.Sum(r => r.Report.ErrorCount);
        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new StatsJson(files, null, stats, errorCount, errors)).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(console.Out, stats).ConfigureAwait(false);
        }

        return errorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    // The merge equals one run over all papers only if every shard of one split of the same files is there once.
    private static string? IncompleteShards(List<(string Path, StatsJson Report)> reports)
    {
        var shards = new Dictionary<int, string>();
        Records.PaperShard? first = null;
        foreach (var (path, report) in reports)
        {
            if (report.Shard is null)
            {
                return $"{path}: not a shard's report (no \"shard\"); run `paperchunks stats --shard K/N --report json`";
            }

            Records.PaperShard shard;
            try
            {
                shard = Records.PaperShard.Parse(report.Shard, _ => null);
            }
            catch (FormatException e)
            {
                return $"{path}: \"shard\": {e.Message}";
            }

            first ??= shard;
            if (shard.Count != first.Count || !report.Files.SequenceEqual(reports[0].Report.Files))
            {
                return $"{path}: shard {shard} is not of the same split as {reports[0].Path} (shard {first}, the same files)";
            }

            if (!shards.TryAdd(shard.Index, path))
            {
                return $"{path}: shard {shard} appears twice (also {shards[shard.Index]})";
            }
        }

        var missing = Enumerable.Range(0, first!.Count).Where(k => !shards.ContainsKey(k)).ToList();
        return missing.Count == 0 ? null : $"missing the reports of shards {string.Join(", ", missing)} of {first.Count}";
    }

    private static async Task<int> DataErrorAsync(CliConsole console, string report, string message)
    {
        await console.Error.WriteLineAsync(ErrorText.Tool(console.ErrorFormat, ErrorText.InputCode, message)).ConfigureAwait(false);
        return await PaperChunksCli.FailedAsync(console, report == "json", ExitCodes.DataErrors, ErrorJson.Unlocated(message)).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(TextWriter output, CorpusStatistics s)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"rows                {s.Rows:N0}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"papers              {s.Papers:N0}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"chunks per paper    min {s.ChunksPerPaper.Min}, median {s.ChunksPerPaper.Median}, max {s.ChunksPerPaper.Max}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"chunk length        min {s.ChunkLength.Min}, median {s.ChunkLength.Median}, mean {s.ChunkLength.Mean:F0}, p95 {s.ChunkLength.P95}, max {s.ChunkLength.Max} chars")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"missing chunk ids   {s.MissingChunkIds:N0}")).ConfigureAwait(false);
        await WritePapersAsync(output, s.MissingByPaper).ConfigureAwait(false);

        await output.WriteLineAsync(string.Create(c, $"papers not from 0   {s.PapersWithoutFirstChunk:N0}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"duplicate rows      {s.DuplicateRows:N0}")).ConfigureAwait(false);
        await WritePapersAsync(output, s.DuplicatesByPaper).ConfigureAwait(false);

        var nulls = s.NullsPerColumn.Where(p => p.Value > 0).Select(p => string.Create(c, $"{p.Key} {p.Value:N0}"));
        await output.WriteLineAsync($"nulls               {string.Join(", ", nulls.DefaultIfEmpty("none"))}").ConfigureAwait(false);
    }

    // Text output names a few papers; the JSON report lists every one.
    private static async Task WritePapersAsync(TextWriter output, IReadOnlyList<PaperChunkIds> papers)
    {
        const int Shown = 10;
        foreach (var paper in papers.Take(Shown))
        {
            await output.WriteLineAsync($"  {MessageText.Excerpt(paper.Doi)}: {string.Join(", ", paper.ChunkIds)}").ConfigureAwait(false);
        }

        if (papers.Count > Shown)
        {
            await output.WriteLineAsync($"  (and {papers.Count - Shown} more papers in --report json)").ConfigureAwait(false);
        }
    }
}
