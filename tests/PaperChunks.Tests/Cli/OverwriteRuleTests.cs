using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>
/// One overwrite rule for every command that writes: an existing output (file or Parquet folder) is refused with
/// exit 1 and a message naming <c>--overwrite</c>, it is left as it was, and <c>--overwrite</c> replaces it.
/// </summary>
public class OverwriteRuleTests
{
    [Theory]
    [InlineData("convert", "out.jsonl")]
    [InlineData("convert", "out.parquet")]
    [InlineData("normalize", "out.jsonl")]
    [InlineData("normalize", "out.parquet")]
    [InlineData("reassemble", "papers.jsonl")]
    [InlineData("reassemble", "papers.parquet")]
    public async Task An_existing_output_is_refused_naming_overwrite_and_kept(string command, string name)
    {
        using var temp = new TempDirectory();
        var output = temp.File(name);
        await File.WriteAllTextAsync(output, "keep");

        var (exit, stdout, stderr) = await CliRun.RunAsync(command, SampleFiles.Chunks000, "-o", output);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"paperchunks: {output}: the output exists; pass --overwrite to replace it\n");
        File.ReadAllText(output).Should().Be("keep");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().Equal(output);
    }

    [Theory]
    [InlineData("convert")]
    [InlineData("normalize")]
    [InlineData("reassemble")]
    public async Task Overwrite_replaces_an_existing_output(string command)
    {
        using var temp = new TempDirectory();
        var output = temp.File("out.jsonl");
        await File.WriteAllTextAsync(output, "keep");

        var fresh = temp.File("fresh.jsonl");

        var (exit, _, stderr) = await CliRun.RunAsync(command, SampleFiles.Chunks000, "-o", output, "--overwrite");
        var (freshExit, _, _) = await CliRun.RunAsync(command, SampleFiles.Chunks000, "-o", fresh);

        exit.Should().Be(0);
        freshExit.Should().Be(0);
        stderr.Should().BeEmpty();
        File.ReadAllBytes(output).Should().Equal(File.ReadAllBytes(fresh));
        File.ReadLines(output).First().Should().StartWith("{\"doi\":\"1703.0");
    }

    [Fact]
    public async Task An_existing_parquet_folder_is_refused_naming_overwrite()
    {
        using var temp = new TempDirectory();
        var output = temp.File("shards");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "keep.txt"), "keep");

        var (exit, _, stderr) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", output, "--shard-rows", "10");

        exit.Should().Be(1);
        stderr.Should().Be($"paperchunks: {output}: the output exists; pass --overwrite to replace it\n");
        Directory.EnumerateFileSystemEntries(output).Should().Equal(Path.Combine(output, "keep.txt"));
    }

    [Fact]
    public async Task The_json_report_of_a_refusal_names_overwrite()
    {
        using var temp = new TempDirectory();
        var output = temp.File("out.jsonl");
        await File.WriteAllTextAsync(output, "keep");

        var (exit, stdout, _) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "-o", output, "--report", "json");

        exit.Should().Be(1);
        using var json = JsonDocument.Parse(stdout);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("file").GetString().Should().Be(output);
        error.GetProperty("message").GetString().Should().Be("the output exists; pass --overwrite to replace it");
    }
}
