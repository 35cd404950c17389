using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

public class StatsAndValidateCommandTests
{
    [Fact]
    public async Task Stats_prints_the_sample_counts_and_gaps()
    {
        var (exit, output, _) = await CliRun.RunAsync("stats", SampleFiles.Chunks000);

        exit.Should().Be(0);
        output.Should().Contain("rows                100\n").And.Contain("papers              5\n")
            .And.Contain("missing chunk ids   3\n  1703.04933: 61\n  1703.05175: 45, 46\n");
    }

    [Fact]
    public async Task Stats_json_report_is_machine_readable()
    {
        var (exit, output, _) = await CliRun.RunAsync("stats", SampleFiles.Chunks000, "--report", "json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        var stats = json.RootElement.GetProperty("statistics");
        stats.GetProperty("rows").GetInt64().Should().Be(100);
        stats.GetProperty("papers").GetInt64().Should().Be(5);
        stats.GetProperty("missing_chunk_ids").GetInt64().Should().Be(3);
        stats.GetProperty("nulls_per_column").GetProperty("journal_ref").GetInt64().Should().Be(100);
    }

    [Fact]
    public async Task Validate_passes_the_sample_with_its_summary_on_stdout()
    {
        var (exit, output, error) = await CliRun.RunAsync("validate", SampleFiles.Chunks000);

        exit.Should().Be(0);
        output.Should().Be("100 rows, 0 problems\n");
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_lists_every_problem_with_its_location_and_exits_1()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        await File.WriteAllTextAsync(path,
            "{\"doi\":\"1703.04933\",\"chunk-id\":1,\"chunk\":\"a\",\"id\":\"1703.04933#2\"}\n"
            + "{\"doi\":\"1703.04933\",\"chunk-id\":\"12a\",\"chunk\":\"x\"}\n");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be(
            $"{path}:1: field \"id\": expected \"1703.04933#1\" (doi#chunk-id), found \"1703.04933#2\"\n"
            + $"{path}:2:32: field \"chunk-id\": expected an integer, found \"12a\"\n"
            + "1 rows, 2 problems\n");
    }

    [Fact]
    public async Task A_missing_argument_is_a_usage_error_with_exit_code_2()
    {
        var (exit, _, error) = await CliRun.RunAsync("stats");

        exit.Should().Be(2);
        error.Should().Contain("Required argument 'inputs' missing");
    }

    [Fact]
    public async Task A_bad_file_is_a_data_error_with_exit_code_1_on_stderr()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        await File.WriteAllTextAsync(path, "{\"doi\":\"1703.04933\",\"chunk-id\":\"12a\",\"chunk\":\"x\"}\n");

        var (exit, _, error) = await CliRun.RunAsync("stats", path);

        exit.Should().Be(1);
        error.Should().Be($"paperchunks: {path}:1:32: field \"chunk-id\": expected an integer, found \"12a\"\n");
    }
}
