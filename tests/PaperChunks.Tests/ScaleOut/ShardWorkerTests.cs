using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.ScaleOut;

/// <summary>
/// N worker processes of the built tool, each given <c>--shard K/N</c> over the same inputs (the samples, two
/// seeds and a generated shuffled corpus), together give exactly the single run's output.
/// </summary>
public sealed class ShardWorkerTests : IDisposable
{
    // PAPERCHUNKS_TOOL runs the workers as another build of the tool, e.g. the NativeAOT executable that worker
    // images ship (benchmarks/scripts/aot-check.sh); by default they are the built PaperChunks.Cli.dll under dotnet.
    private static readonly string? NativeTool = Environment.GetEnvironmentVariable("PAPERCHUNKS_TOOL") is { Length: > 0 } t ? t : null;
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "PaperChunks.Cli.dll");
    private readonly TempDirectory _temp = new();
    private readonly string[] _inputs;

    public ShardWorkerTests()
    {
        _inputs =
        [
            SampleFiles.Chunks000,
            Path.Combine(Path.GetDirectoryName(SampleFiles.Chunks000)!, "chunks-001.jsonl"),
            SeedFiles.WritePlain("000_2699f79427098fe3.txt", _temp.Path),
            SeedFiles.WritePlain("001_cead62b47b6b98af.txt", _temp.Path),
            GeneratedCorpus(_temp.File("generated.jsonl")),
        ];
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Shards_of_convert_and_reassemble_together_write_the_single_runs_rows(int n)
    {
        var single = await RunAsync(null, "convert", [.. _inputs, "-o", _temp.File("all.jsonl")]);
        var reassembled = await RunAsync(null, "reassemble", [.. _inputs, "-o", _temp.File("papers.jsonl")]);
        var shards = await Task.WhenAll(Enumerable.Range(0, n).Select(k => RunAsync(null, "convert", [.. _inputs, "-o", _temp.File("part.jsonl"), "--shard", $"{k}/{n}"])));
        var papers = await Task.WhenAll(Enumerable.Range(0, n).Select(k => RunAsync(null, "reassemble", [.. _inputs, "-o", _temp.File("papers-part.jsonl"), "--shard", $"{k}/{n}"])));

        single.Exit.Should().Be(0, single.Error);
        shards.Select(s => s.Exit).Should().AllBeEquivalentTo(0);
        SortedLines(Enumerable.Range(0, n).Select(k => _temp.File(string.Create(CultureInfo.InvariantCulture, $"part-{k:D5}-of-{n:D5}.jsonl"))))
            .Should().Equal(SortedLines([_temp.File("all.jsonl")]));
        papers.Select(s => s.Exit).Should().AllBeEquivalentTo(reassembled.Exit);
        SortedLines(Enumerable.Range(0, n).Select(k => _temp.File(string.Create(CultureInfo.InvariantCulture, $"papers-part-{k:D5}-of-{n:D5}.jsonl"))))
            .Should().Equal(SortedLines([_temp.File("papers.jsonl")]));
        File.ReadAllLines(_temp.File("all.jsonl")).Should().HaveCount(100 + 100 + 100 + 100 + 600);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Merged_stats_of_the_shards_are_the_single_runs_report_byte_for_byte(int n)
    {
        var single = await RunAsync(null, "stats", [.. _inputs, "--report", "json"]);
        // The workers take their index from the environment, as a Kubernetes Indexed Job sets it.
        var shards = await Task.WhenAll(Enumerable.Range(0, n).Select(k => RunAsync(k, "stats", [.. _inputs, "--report", "json", "--shard", $"env/{n}"])));
        var reports = shards.Select((s, k) =>
        {
            var path = _temp.File($"report-{k}.json");
            File.WriteAllText(path, s.Out);
            return path;
        }).ToArray();

        var merged = await RunAsync(null, "stats", ["--merge", .. reports, "--report", "json"]);

        merged.Exit.Should().Be(single.Exit, merged.Error);
        merged.Out.Should().Be(single.Out);
        single.Out.Should().Contain("\"rows\": 1000,");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Shards_of_validate_together_list_the_single_runs_problems_each_once(int n)
    {
        string[] inputs = [SampleFiles.Chunks000, DamagedCorpus(_temp.File("damaged.jsonl"))];
        var single = await RunAsync(null, "validate", inputs);
        var shards = await Task.WhenAll(Enumerable.Range(0, n).Select(k => RunAsync(null, "validate", [.. inputs, "--shard", $"{k}/{n}"])));

        single.Exit.Should().Be(1, single.Error);
        single.Out.Should().EndWith("\n130 rows, 4 problems\n");
        Problems(single.Out).Select(p => p[..(p.IndexOf(": ", StringComparison.Ordinal) + 1)])
            .Should().Equal($"{inputs[1]}:5:", $"{inputs[1]}:10:", $"{inputs[1]}:16:35:", $"{inputs[1]}:22:2:");
        shards.SelectMany(s => Problems(s.Out)).Order(StringComparer.Ordinal).Should().Equal(Problems(single.Out).Order(StringComparer.Ordinal));
        shards.Sum(s => RowsOf(s.Out)).Should().Be(130);
        shards.Should().OnlyContain(s => s.Exit == (Problems(s.Out).Count > 0 ? 1 : 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Shards_of_normalize_together_write_the_single_runs_repaired_rows(int n)
    {
        var input = DamagedText(_temp.File("damaged-text.jsonl"));
        var single = await RunAsync(null, "normalize", [input, "-o", _temp.File("fixed.jsonl")]);
        var shards = await Task.WhenAll(Enumerable.Range(0, n).Select(k => RunAsync(null, "normalize", [input, "-o", _temp.File("fixed.jsonl"), "--shard", $"{k}/{n}"])));

        single.Exit.Should().Be(0, single.Error);
        shards.Select(s => s.Exit).Should().AllBeEquivalentTo(0);
        SortedLines(Enumerable.Range(0, n).Select(k => _temp.File(string.Create(CultureInfo.InvariantCulture, $"fixed-{k:D5}-of-{n:D5}.jsonl"))))
            .Should().Equal(SortedLines([_temp.File("fixed.jsonl")]));
        // Each shard joins "zeta- ploidy" because the word is whole elsewhere in the input, often in another shard's papers.
        var repaired = File.ReadAllText(_temp.File("fixed.jsonl"));
        (Count(repaired, "zetaploidy"), Count(repaired, "zeta- ploidy"), Count(repaired, "\uFB01nal"), Count(repaired, "caf\u00C3\u00A9"))
            .Should().Be((100, 0, 0, 0));
    }

    [Fact]
    public async Task A_rerun_of_one_failed_shard_replaces_only_its_own_output()
    {
        var outputs = Enumerable.Range(0, 3).Select(k => _temp.File($"part-{k:D5}-of-00003.jsonl")).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(k => RunAsync(null, "convert", [.. _inputs, "-o", _temp.File("part.jsonl"), "--shard", $"{k}/3"])));
        var before = outputs.Select(File.ReadAllBytes).ToArray();
        var written = outputs.Select(File.GetLastWriteTimeUtc).ToArray();
        File.Delete(outputs[1]);

        var rerun = await RunAsync(null, "convert", [.. _inputs, "-o", _temp.File("part.jsonl"), "--shard", "1/3"]);

        rerun.Exit.Should().Be(0, rerun.Error);
        outputs.Select(File.ReadAllBytes).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        File.GetLastWriteTimeUtc(outputs[0]).Should().Be(written[0]);
        File.GetLastWriteTimeUtc(outputs[2]).Should().Be(written[2]);
    }

    [Fact]
    public async Task Buckets_put_each_papers_rows_in_one_bucket_folder_that_reassembles_alone()
    {
        var folder = _temp.File("buckets");
        var converted = await RunAsync(null, "convert", [.. _inputs, "--buckets", "4", "-o", folder]);
        var whole = await RunAsync(null, "reassemble", [.. _inputs, "-o", _temp.File("papers.jsonl")]);
        var parts = await Task.WhenAll(Enumerable.Range(0, 4).Select(k => RunAsync(null, "reassemble", [
            Path.Combine(folder, $"bucket={k}", "train-00000-of-00001.parquet"), "-o", _temp.File($"bucket-{k}.jsonl")])));

        converted.Exit.Should().Be(0, converted.Error);
        Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal("bucket=0", "bucket=1", "bucket=2", "bucket=3");
        parts.Select(p => p.Exit).Should().AllBeEquivalentTo(whole.Exit);
        SortedLines(Enumerable.Range(0, 4).Select(k => _temp.File($"bucket-{k}.jsonl"))).Should().Equal(SortedLines([_temp.File("papers.jsonl")]));
    }

    [Fact]
    public async Task Env_shard_without_a_scheduler_names_both_variables()
    {
        var run = await RunAsync(null, "stats", [_inputs[0], "--shard", "env/4"]);

        run.Exit.Should().Be(2);
        run.Error.Should().StartWith("paperchunks: --shard: env/4: neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set;");
    }

    private static List<string> Problems(string validateOutput) => [.. validateOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)];

    private static long RowsOf(string validateOutput) =>
        long.Parse(validateOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ')[0], CultureInfo.InvariantCulture);

    private static int Count(string text, string word) =>
        (text.Length - text.Replace(word, "", StringComparison.Ordinal).Length) / word.Length;

    // 30 rows of 10 papers with two rule violations (lines 5 and 10), a row of a known paper that does not parse
    // (line 16) and one whose paper cannot be read (line 22, reported by shard 0).
    private static string DamagedCorpus(string path)
    {
        var lines = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var doi = string.Create(CultureInfo.InvariantCulture, $"2103.{i / 3:D5}");
            var id = i == 4 ? $"{doi}#99" : string.Create(CultureInfo.InvariantCulture, $"{doi}#{i % 3}");
            var source = i == 9 ? "http://arxiv.org/pdf/9999.99999" : $"http://arxiv.org/pdf/{doi}";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{{\"doi\": \"{doi}\", \"chunk-id\": {i % 3}, \"chunk\": \"words of row {i}\", \"id\": \"{id}\", \"title\": \"Paper {i / 3}\", \"source\": \"{source}\"}}"));
            if (i == 14)
            {
                lines.Add("{\"doi\": \"2103.00007\", \"chunk-id\": \"seven\", \"chunk\": \"x\"}");
            }
            else if (i == 19)
            {
                lines.Add("not a json row");
            }
        }

        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        return path;
    }

    // 40 papers of 5 chunks, shuffled; every fourth chunk has a ligature, a mojibake, a line-break hyphen in a
    // word the English lexicon lacks ("zeta- ploidy"), or that word whole, which the corpus vocabulary learns.
    private static string DamagedText(string path)
    {
        string[] vocabulary = ["model", "data", "network", "results", "method"];
        var random = new Random(21);
        string[] damage = ["\uFB01nal", "caf\u00C3\u00A9", "zeta- ploidy", "zetaploidy"];
        var rows = new List<string>();
        for (var p = 0; p < 40; p++)
        {
            var doi = string.Create(CultureInfo.InvariantCulture, $"2102.{p:D5}");
            for (var c = 0; c < 5; c++)
            {
                var words = string.Join(' ', Enumerable.Range(0, 12).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"doi\":\"{doi}\",\"chunk-id\":{c},\"chunk\":\"{words} {damage[(p * 5 + c) % 4]} {words}\",\"id\":\"{doi}#{c}\",\"title\":\"Paper {p}\",\"source\":\"http://arxiv.org/pdf/{doi}\"}}"));
            }
        }

        File.WriteAllLines(path, rows.OrderBy(_ => random.Next()), new UTF8Encoding(false));
        return path;
    }

    private static List<string> SortedLines(IEnumerable<string> files) =>
        [.. files.SelectMany(File.ReadAllLines).Order(StringComparer.Ordinal)];

    // 60 papers of 10 chunks, rows shuffled so that no paper's rows are together.
    private static string GeneratedCorpus(string path)
    {
        var random = new Random(21);
        var rows = new List<string>();
        for (var p = 0; p < 60; p++)
        {
            var doi = string.Create(CultureInfo.InvariantCulture, $"2101.{p:D5}");
            for (var c = 0; c < 10; c++)
            {
                var words = string.Join(' ', Enumerable.Range(0, 20).Select(_ => "w" + random.Next(50).ToString(CultureInfo.InvariantCulture)));
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"doi\":\"{doi}\",\"chunk-id\":{c},\"chunk\":\"{words}\",\"id\":\"{doi}#{c}\",\"title\":\"Paper {p}\",\"source\":\"http://arxiv.org/pdf/{doi}\"}}"));
            }
        }

        File.WriteAllLines(path, rows.OrderBy(_ => random.Next()), new UTF8Encoding(false));
        return path;
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(int? jobIndex, string command, string[] args)
    {
        var start = new ProcessStartInfo(NativeTool ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (NativeTool is null)
        {
            start.ArgumentList.Add(Tool);
        }

        start.ArgumentList.Add(command);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("JOB_COMPLETION_INDEX");
        start.Environment.Remove("SLURM_ARRAY_TASK_ID");
        if (jobIndex is { } k)
        {
            start.Environment["JOB_COMPLETION_INDEX"] = k.ToString(CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
