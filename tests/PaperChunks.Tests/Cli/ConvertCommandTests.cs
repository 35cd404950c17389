using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

public class ConvertCommandTests
{
    [Fact]
    public async Task Converts_the_sample_to_Parquet_and_prints_a_summary_line()
    {
        using var temp = new TempDirectory();
        var output = temp.File("x.parquet");

        var (exit, stdout, stderr) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", output);

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        stdout.Should().MatchRegex(@"^100 rows, 5 papers, 243,453 bytes read, [0-9,]+ bytes written, [0-9.]+ s -> .*x\.parquet: 100 rows, 0 skipped\n$");
        File.Exists(output).Should().BeTrue();
    }

    [Fact]
    public async Task Refuses_to_replace_an_output_without_overwrite_and_exits_1()
    {
        using var temp = new TempDirectory();
        var output = temp.File("x.csv");
        await File.WriteAllTextAsync(output, "keep");

        var (exit, _, stderr) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", output);
        var (again, _, _) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", output, "--overwrite");

        exit.Should().Be(1);
        stderr.Should().Be($"paperchunks: {output}: the output exists; pass --overwrite to replace it\n");
        again.Should().Be(0);
        File.ReadLines(output).First().Should().StartWith("doi,chunk-id,");
    }

    [Fact]
    public async Task Expands_a_quoted_glob_and_reports_json()
    {
        using var temp = new TempDirectory();
        File.Copy(SampleFiles.Chunks000, temp.File("part-1.jsonl"));
        File.Copy(SampleFiles.Chunks000, temp.File("part-2.jsonl"));

        var (exit, stdout, _) = await CliRun.RunAsync("convert", Path.Combine(temp.Path, "part-*.jsonl"), "-o", temp.File("all.jsonl.gz"), "--report", "json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("rows").GetInt64().Should().Be(200);
        json.RootElement.GetProperty("format").GetString().Should().Be("jsonl");
    }

    [Theory]
    [InlineData("x.data", "paperchunks: cannot tell the output format from \"{0}\"; name it .jsonl, .csv or .parquet, or pass --to\n")]
    public async Task Exits_2_when_the_output_format_is_unknown(string name, string message)
    {
        using var temp = new TempDirectory();
        var output = temp.File(name);

        var (exit, _, stderr) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", output);

        exit.Should().Be(2);
        stderr.Should().Be(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, output));
    }

    [Fact]
    public async Task Exits_2_when_a_glob_matches_nothing()
    {
        using var temp = new TempDirectory();
        var pattern = Path.Combine(temp.Path, "none-*.jsonl");

        var (exit, _, stderr) = await CliRun.RunAsync("convert", pattern, "-o", temp.File("x.parquet"));

        exit.Should().Be(2);
        stderr.Should().Be($"paperchunks: no file matches \"{pattern}\"\n");
    }

    [Fact]
    public async Task Writes_a_partitioned_sharded_folder()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("ds");

        var (exit, _, _) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", folder, "--partition-by", "primary_category", "--shard-rows", "20", "--compression", "zstd");

        exit.Should().Be(0);
        Directory.GetFiles(Path.Combine(folder, "primary_category=cs.IR")).Select(Path.GetFileName)
            .Should().BeEquivalentTo("train-00000-of-00003.parquet", "train-00001-of-00003.parquet", "train-00002-of-00003.parquet");
    }
}
