using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

public class ReassembleCommandTests
{
    [Fact]
    public async Task Reassembles_the_sample_and_lists_its_gaps()
    {
        using var temp = new TempDirectory();
        var output = temp.File("papers.jsonl");

        var (exit, stdout, _) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "-o", output);

        exit.Should().Be(0);
        stdout.Should().StartWith(
            $"papers              5 from 100 rows -> {output}\n"
            + "papers with gaps    2\n  1703.04933: 61\n  1703.05175: 45, 46\n"
            + "repeated chunk ids  0 (0 with different text)\n"
            + "metadata conflicts  0\n"
            + "splitter regimes    recursive 5\n");

        // The seeds were cut by a recursive splitter; 100 rows of 5 papers with 3 ids missing (one gap of two) make 93 joints.
        stdout.Split('\n').Where(l => l.StartsWith("  17", StringComparison.Ordinal) && l.Contains(": recursive ~", StringComparison.Ordinal))
            .Should().HaveCount(5);
        stdout.Should().MatchRegex(@"\njoints              93: \d+ certain, \d+ inferred, \d+ guessed\n$");
        var papers = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        papers.Select(p => p.GetProperty("doi").GetString()).Should().Equal("1703.03664", "1703.04247", "1703.04908", "1703.04933", "1703.05175");
        papers[3].GetProperty("title").GetString().Should().Be("Sharp Minima Can Generalize For Deep Nets");
        papers[3].GetProperty("chunk_count").GetInt32().Should().Be(24);
    }

    [Fact]
    public async Task Reassembles_a_dataset_viewer_table_copy_directly()
    {
        using var temp = new TempDirectory();
        var input = SeedFiles.WritePlain(SeedFiles.ChunkTable, temp.Path);
        var output = temp.File("papers.jsonl");

        var (exit, stdout, _) = await CliRun.RunAsync("reassemble", input, "-o", output, "--strip-running-headers");

        exit.Should().Be(0);
        stdout.Should().Contain("papers              4 from 100 rows").And.Contain("  1511.06856: 6, 10, 22\n  1511.06939: 11\n");
        File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString())
            .Should().HaveCount(4).And.NotContain(t => t!.Contains("Published as a conference paper at ICLR 2016", StringComparison.Ordinal));
    }

    // Seed 001 has "Natural gradient works efï¬ciently in learning." once and "ï¬rst" 16 times.
    [Fact]
    public async Task Reassemble_normalize_repairs_each_chunk_and_reports_the_fixes()
    {
        using var temp = new TempDirectory();
        var input = SeedFiles.WritePlain(SeedFiles.ChunkTable, temp.Path);
        var output = temp.File("papers.jsonl");

        var (exit, stdout, error) = await CliRun.RunAsync("reassemble", input, "-o", output, "--normalize", "--report", "json");

        exit.Should().Be(0, error);
        var texts = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        texts.Should().HaveCount(4);
        texts.Should().Contain(t => t.Contains("Natural gradient works efficiently in learning.", StringComparison.Ordinal));
        texts.Should().NotContain(t => t.Contains("ï¬rst", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(stdout);
        var normalization = json.RootElement.GetProperty("normalization");
        normalization.GetProperty("records").GetInt64().Should().Be(100);
        normalization.GetProperty("fixes").GetProperty("LossyMojibake").GetInt64().Should().BeGreaterThan(0);
        normalization.GetProperty("examples")[0].GetProperty("record").GetString().Should().StartWith("1511.");
    }

    [Fact]
    public async Task Reassembles_to_parquet_by_the_output_extension()
    {
        using var temp = new TempDirectory();
        var output = temp.File("papers.parquet");

        var (exit, stdout, _) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "-o", output);

        exit.Should().Be(0);
        stdout.Should().StartWith($"papers              5 from 100 rows -> {output}\n");
        using var file = new ParquetSharp.ParquetFileReader(output);
        file.FileMetaData.NumRows.Should().Be(5);
    }

    [Fact]
    public async Task Json_report_carries_gaps_and_repeats()
    {
        using var temp = new TempDirectory();
        var input = temp.File("rows.jsonl");
        await File.WriteAllTextAsync(input,
            "{\"doi\":\"1703.04933\",\"chunk-id\":2,\"chunk\":\"third\"}\n"
            + "{\"doi\":\"1703.04933\",\"chunk-id\":0,\"chunk\":\"first\"}\n"
            + "{\"doi\":\"1703.04933\",\"chunk-id\":0,\"chunk\":\"first again, differently\"}\n");

        var (exit, stdout, _) = await CliRun.RunAsync("reassemble", input, "-o", temp.File("papers.jsonl.zst"), "--report", "json");

        exit.Should().Be(1, "a conflicting repeat is a data error");
        using var json = JsonDocument.Parse(stdout);
        var report = json.RootElement.GetProperty("reassembly");
        report.GetProperty("gaps")[0].GetProperty("missing_chunk_ids")[0].GetInt64().Should().Be(1);
        report.GetProperty("conflicts")[0].GetProperty("chunk_id").GetInt64().Should().Be(0);
        File.Exists(temp.File("papers.jsonl.zst")).Should().BeTrue();
    }

    [Fact]
    public async Task Refuses_an_output_format_it_cannot_write()
    {
        using var temp = new TempDirectory();

        var (exit, _, stderr) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "-o", temp.File("papers.csv"));

        exit.Should().Be(2);
        stderr.Should().Be($"paperchunks: --output {temp.File("papers.csv")}: expected a .jsonl file (optionally .gz or .zst) or a .parquet file\n");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Reads_several_inputs_side_by_side_with_the_result_of_one_thread()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(SampleFiles.Chunks000)!, "chunks-001.jsonl"));
        lines[2] = "{\"doi\": \"1511.06856\", \"chunk-id\": \"three\", \"chunk\": \"x\"}";
        var second = temp.File("second.jsonl");
        File.WriteAllLines(second, lines);
        string[] Args(int threads, string output) =>
            ["reassemble", SampleFiles.Chunks000, second, "-o", temp.File(output), "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--on-error", "skip"];

        var one = await CliRun.RunAsync(Args(1, "one.jsonl"));
        var two = await CliRun.RunAsync(Args(2, "two.jsonl"));

        one.Exit.Should().Be(1);
        two.Exit.Should().Be(1);
        two.Out.Replace("two.jsonl", "one.jsonl", StringComparison.Ordinal).Should().Be(one.Out);
        two.Error.Should().Be(one.Error).And.Be($"{second}:3:35: field \"chunk-id\": expected an integer, found \"three\"\n");
        File.ReadAllBytes(temp.File("two.jsonl")).Should().Equal(File.ReadAllBytes(temp.File("one.jsonl")));
    }

    [Fact]
    public async Task Refuses_fewer_than_one_thread()
    {
        using var temp = new TempDirectory();

        var (exit, _, stderr) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "-o", temp.File("papers.jsonl"), "--threads", "0");

        exit.Should().Be(2);
        stderr.Should().Be("paperchunks: --threads 0: expected a whole number of at least 1\nRun 'paperchunks reassemble --help' for usage.\n");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }
}
