using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>
/// <c>--error-format msbuild</c> prints every error in MSBuild's canonical form, <c>file(line,col): error PCnnnn: message</c>,
/// which MSBuild's Exec task, IDEs and CI logs turn into located errors (the pipeline targets use it).
/// </summary>
public class MsBuildErrorFormatTests
{
    // Line 3's chunk-id is a string; its value starts at column 35 (counted by hand: 34 characters before it).
    private const string BadLine = "{\"doi\": \"1511.06856\", \"chunk-id\": \"three\", \"chunk\": \"x\"}";

    [Fact]
    public async Task A_bad_row_stops_convert_with_a_canonical_located_error()
    {
        using var temp = new TempDirectory();
        var input = BadCopy(temp);
        var output = temp.File("out.parquet");

        var (exit, stdout, stderr) = await CliRun.RunAsync("convert", input, "-o", output, "--error-format", "msbuild");

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"{input}(3,35): error PC1001: field \"chunk-id\": expected an integer, found \"three\"\n");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Skipped_rows_are_canonical_errors_too_and_text_stays_the_default()
    {
        using var temp = new TempDirectory();
        var input = BadCopy(temp);

        var msbuild = await CliRun.RunAsync("stats", input, "--on-error", "skip", "--error-format", "msbuild");
        var text = await CliRun.RunAsync("stats", input, "--on-error", "skip");

        msbuild.Exit.Should().Be(1);
        msbuild.Error.Should().Be($"{input}(3,35): error PC1001: field \"chunk-id\": expected an integer, found \"three\"\n");
        text.Error.Should().Be($"{input}:3:35: field \"chunk-id\": expected an integer, found \"three\"\n");
    }

    [Fact]
    public async Task Validate_lists_its_problems_in_canonical_form()
    {
        using var temp = new TempDirectory();
        var input = BadCopy(temp);

        var (exit, stdout, _) = await CliRun.RunAsync("validate", input, "--error-format", "msbuild");

        exit.Should().Be(1);
        stdout.Should().Be($"{input}(3,35): error PC1001: field \"chunk-id\": expected an integer, found \"three\"\n99 rows, 1 problems\n");
    }

    [Fact]
    public async Task An_existing_output_is_an_error_on_the_output_file()
    {
        using var temp = new TempDirectory();
        var output = temp.File("papers.jsonl");
        await File.WriteAllTextAsync(output, "keep");

        var (exit, _, stderr) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "-o", output, "--error-format", "msbuild");

        exit.Should().Be(1);
        stderr.Should().Be($"{output}: error PC1002: the output exists; pass --overwrite to replace it\n");
    }

    [Fact]
    public async Task A_usage_error_is_the_tools_own_canonical_error()
    {
        using var temp = new TempDirectory();

        var (exit, _, stderr) = await CliRun.RunAsync(
            "convert", SampleFiles.Chunks000, "-o", temp.File("x.csv"), "--compression", "zstd", "--error-format", "msbuild");

        exit.Should().Be(2);
        stderr.Should().Be("paperchunks : error PC2001: --compression applies to Parquet output only; this output is CSV\n");
    }

    [Fact]
    public async Task An_unknown_error_format_is_a_usage_error()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("stats", SampleFiles.Chunks000, "--error-format", "github");

        exit.Should().Be(2);
        stderr.Should().StartWith("paperchunks: Argument 'github' not recognized. Must be one of:");
    }

    private static string BadCopy(TempDirectory temp)
    {
        var lines = File.ReadAllLines(SampleFiles.Chunks000);
        lines[2] = BadLine;
        var path = temp.File("bad.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
