using System.CommandLine;
using System.Globalization;
using PaperChunks.Formats;
using PaperChunks.Statistics;

namespace PaperChunks.Cli.Commands;

/// <summary><c>paperchunks stats FILE...</c>: rows, papers, chunks per paper, chunk lengths, gaps, duplicates, nulls.</summary>
internal static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var report = CommonOptions.Report();
        var onError = CommonOptions.OnError();
        var command = new Command("stats", "Count rows, papers, chunks per paper, chunk lengths, missing and duplicate chunk ids, and nulls per column.")
        {
            inputs, report, onError,
        };
        command.SetAction((parse, ct) => RunAsync(
            console, parse.GetValue(inputs)!, parse.GetValue(report)!, CommonOptions.PolicyOf(parse.GetValue(onError)!), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] inputs, string report, ErrorPolicy policy, CancellationToken ct)
    {
        // Every gapped or duplicated paper is kept: the JSON report lists them all, the text names a few and counts the rest.
        var builder = new CorpusStatisticsBuilder { MaxListedPapers = int.MaxValue };
        var errors = new List<PaperChunksFormatException>();
        var errorCount = 0L;
        foreach (var input in inputs)
        {
            await using var reader = PaperChunksReader.OpenChunks(input, new ReaderOptions { ErrorPolicy = policy });
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
            await JsonReport.WriteAsync(console.Out, new { files = inputs, statistics = stats, error_count = errorCount, errors = errors.Select(JsonReport.Error) }).ConfigureAwait(false);
        }
        else
        {
            await WriteTextAsync(console.Out, stats).ConfigureAwait(false);
            foreach (var error in errors)
            {
                await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }
        }

        return errorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
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
            await output.WriteLineAsync($"  {paper.Doi}: {string.Join(", ", paper.ChunkIds)}").ConfigureAwait(false);
        }

        if (papers.Count > Shown)
        {
            await output.WriteLineAsync($"  (and {papers.Count - Shown} more papers in --report json)").ConfigureAwait(false);
        }
    }
}
