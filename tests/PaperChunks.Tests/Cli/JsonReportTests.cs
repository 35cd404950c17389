using System.IO.Compression;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>Under <c>--report json</c> every run prints exactly one JSON object on stdout, also when it stops.</summary>
public class JsonReportTests
{
    private const string BadRow2 =
        "{\"doi\":\"1703.04933\",\"chunk-id\":1,\"chunk\":\"a\",\"id\":\"1703.04933#1\"}\n"
        + "{\"doi\":\"1703.04933\",\"chunk-id\":\"12a\",\"chunk\":\"x\"}\n";

    [Fact]
    public async Task A_missing_input_still_prints_one_object_with_the_error_and_exit_code()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("missing.jsonl");

        var (exit, output, _) = await CliRun.RunAsync("stats", "--report", "json", missing);

        exit.Should().Be(1);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("exit_code").GetInt32().Should().Be(1);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("file").GetString().Should().Be(missing);
        error.GetProperty("message").GetString().Should().Be($"cannot open the file: Could not find file '{missing}'.");
    }

    [Fact]
    public async Task A_fail_fast_stop_prints_one_object_locating_the_bad_row()
    {
        using var temp = new TempDirectory();
        var input = temp.File("bad.jsonl");
        await File.WriteAllTextAsync(input, BadRow2);
        var output = temp.File("out.parquet");

        var (exit, stdout, _) = await CliRun.RunAsync("convert", input, "-o", output, "--report", "json");

        exit.Should().Be(1);
        using var json = JsonDocument.Parse(stdout);
        var error = json.RootElement.GetProperty("error");
        (error.GetProperty("file").GetString(), error.GetProperty("line").GetInt64(), error.GetProperty("column").GetInt64(), error.GetProperty("field").GetString())
            .Should().Be((input, 2L, 32L, "chunk-id"));
        error.GetProperty("message").GetString().Should().Be("expected an integer, found \"12a\"");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task A_usage_error_prints_one_object_with_exit_code_2()
    {
        var (exit, output, _) = await CliRun.RunAsync("stats", "--report", "json", "--reprot", SampleFiles.Chunks000);

        exit.Should().Be(2);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("exit_code").GetInt32().Should().Be(2);
        json.RootElement.GetProperty("error").GetProperty("message").GetString()
            .Should().Be("unknown option '--reprot' for 'stats'; did you mean '--report'?");
    }

    [Fact]
    public async Task Validate_lists_a_file_it_cannot_read_on_as_a_problem_and_checks_the_others()
    {
        using var temp = new TempDirectory();
        var truncated = temp.File("a-truncated.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(truncated), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync("{\"doi\":\"1703.04933\",\"chunk-id\":0,\"chu"u8.ToArray());
        }

        var bad = temp.File("b-bad.jsonl");
        await File.WriteAllTextAsync(bad, BadRow2);

        var (exit, output, _) = await CliRun.RunAsync("validate", "--report", "json", truncated, bad);

        exit.Should().Be(1);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("rows").GetInt64().Should().Be(1);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("file").GetString()}:{p.GetProperty("line").GetInt64()}")
            .Should().Equal($"{truncated}:1", $"{bad}:2");
    }

    [Fact]
    public async Task Validate_names_a_file_it_cannot_open_without_a_line_zero()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("missing.jsonl");

        var (exit, output, _) = await CliRun.RunAsync("validate", missing);

        exit.Should().Be(1);
        output.Should().Be($"{missing}: cannot open the file: Could not find file '{missing}'.\n0 rows, 1 problems\n");
    }

    [Fact]
    public async Task Stats_merge_prints_one_object_when_shard_is_given_too_or_a_report_is_not_one()
    {
        using var temp = new TempDirectory();
        var notReport = temp.File("not-a-report.json");
        await File.WriteAllTextAsync(notReport, "[1]");

        var usage = await CliRun.RunAsync("stats", "--merge", "--shard", "0/2", notReport, "--report", "json");
        var data = await CliRun.RunAsync("stats", "--merge", notReport, "--report", "json");

        usage.Exit.Should().Be(2);
        usage.Error.Should().Be("paperchunks: --shard does not apply with --merge\n");
        using (var json = JsonDocument.Parse(usage.Out))
        {
            json.RootElement.GetProperty("exit_code").GetInt32().Should().Be(2);
            json.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Be("--shard does not apply with --merge");
        }

        data.Exit.Should().Be(1);
        using (var json = JsonDocument.Parse(data.Out))
        {
            json.RootElement.GetProperty("exit_code").GetInt32().Should().Be(1);
            json.RootElement.GetProperty("error").GetProperty("message").GetString()
                .Should().StartWith($"{notReport}: expected the --report json output of `paperchunks stats --shard K/N`: ");
        }
    }

    [Fact]
    public async Task Detect_prints_the_files_it_could_read_when_one_fails()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("missing.jsonl");

        var text = await CliRun.RunAsync("detect", missing, SampleFiles.Chunks000);
        var json = await CliRun.RunAsync("detect", "--report", "json", missing, SampleFiles.Chunks000);

        text.Exit.Should().Be(1);
        text.Out.Should().Be($"{SampleFiles.Chunks000}: jsonl, chunk rows\n");
        text.Error.Should().Be($"paperchunks: {missing}: cannot open the file: Could not find file '{missing}'.\n");
        json.Exit.Should().Be(1);
        using var report = JsonDocument.Parse(json.Out);
        report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).Should().Equal("chunk");
        report.RootElement.GetProperty("errors").EnumerateArray().Select(f => f.GetProperty("file").GetString()).Should().Equal(missing);
    }

    [Fact]
    public async Task Stats_json_lists_every_gapped_paper_and_the_text_counts_the_rest()
    {
        using var temp = new TempDirectory();
        var input = temp.File("gaps.jsonl");
        var rows = Enumerable.Range(0, 150).SelectMany(p => new[] { 0, 2 }.Select(c =>
            $"{{\"doi\":\"2101.{p:D5}\",\"chunk-id\":{c},\"chunk\":\"text {c}\",\"id\":\"2101.{p:D5}#{c}\"}}"));
        await File.WriteAllLinesAsync(input, rows);

        var json = await CliRun.RunAsync("stats", "--report", "json", input);
        var text = await CliRun.RunAsync("stats", input);

        using var report = JsonDocument.Parse(json.Out);
        report.RootElement.GetProperty("statistics").GetProperty("missing_by_paper").GetArrayLength().Should().Be(150);
        text.Out.Should().Contain("  2101.00009: 1\n  (and 140 more papers in --report json)\n");
    }
}
