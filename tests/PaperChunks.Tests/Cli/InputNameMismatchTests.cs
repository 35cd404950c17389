using FluentAssertions;
using PaperChunks.Formats;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>
/// An input whose name says one format and whose content is another is read by its content, by every command
/// (detection looks at the bytes first; the extension only breaks a tie), so convert and normalize agree with
/// detect, stats, validate and reassemble.
/// </summary>
public class InputNameMismatchTests
{
    [Theory]
    [InlineData("lies.parquet")]
    [InlineData("lies.csv")]
    public async Task Every_command_reads_a_misnamed_jsonl_file_by_its_content(string name)
    {
        using var temp = new TempDirectory();
        var input = temp.File(name);
        File.Copy(SampleFiles.Chunks000, input);

        var detect = await CliRun.RunAsync("detect", input);
        var stats = await CliRun.RunAsync("stats", input);
        var validate = await CliRun.RunAsync("validate", input);
        var toParquet = await CliRun.RunAsync("convert", input, "-o", temp.File("out.parquet"));
        var toJsonl = await CliRun.RunAsync("convert", input, "-o", temp.File("out.jsonl"));
        var normalize = await CliRun.RunAsync("normalize", input, "-o", temp.File("normalized.jsonl"), "--report", "json");
        var reassemble = await CliRun.RunAsync("reassemble", input, "-o", temp.File("papers.jsonl"));

        detect.Out.Should().Be($"{input}: jsonl, chunk rows\n");
        stats.Out.Should().Contain("rows                100\n");
        validate.Out.Should().Be("100 rows, 0 problems\n");
        new[] { toParquet, toJsonl, normalize, reassemble }.Select(r => (r.Exit, r.Error)).Should().AllBeEquivalentTo((0, ""));
        using (var back = PaperChunksReader.OpenChunks(temp.File("out.parquet")))
        {
            back.ReadAll().Should().HaveCount(100);
        }

        // The sample is the HF export, in the writer's own form: JSON Lines to JSON Lines is byte for byte.
        File.ReadAllBytes(temp.File("out.jsonl")).Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
        normalize.Out.Should().Contain("\"records\": 100,");
        reassemble.Out.Should().StartWith($"papers              5 from 100 rows -> {temp.File("papers.jsonl")}\n");
    }

    [Fact]
    public async Task Convert_reads_a_parquet_file_named_jsonl_as_parquet()
    {
        using var temp = new TempDirectory();
        var parquet = temp.File("real.parquet");
        (await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", parquet)).Exit.Should().Be(0);
        var misnamed = temp.File("lies.jsonl");
        File.Move(parquet, misnamed);

        var (exit, _, stderr) = await CliRun.RunAsync("convert", misnamed, "-o", temp.File("back.csv"));

        exit.Should().Be(0);
        stderr.Should().BeEmpty();
        using var back = PaperChunksReader.OpenChunks(temp.File("back.csv"));
        back.ReadAll().Should().HaveCount(100);
    }
}
