using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>A misspelled or unsupported option is a usage error naming it, never a file name.</summary>
public class UnknownOptionTests
{
    [Theory]
    [InlineData("stats", "--reprot", "unknown option '--reprot' for 'stats'; did you mean '--report'?")]
    [InlineData("validate", "--reprot", "unknown option '--reprot' for 'validate'; did you mean '--report'?")]
    [InlineData("detect", "--form", "unknown option '--form' for 'detect'; did you mean '--from'?")]
    [InlineData("stats", "-quiet", "unknown option '-quiet' for 'stats'")]
    [InlineData("stats", "--zzzzzzzz", "unknown option '--zzzzzzzz' for 'stats'")]
    public async Task Unknown_option_of_a_reading_command_is_a_usage_error_with_the_nearest_name(string command, string option, string message)
    {
        var (exit, output, error) = await CliRun.RunAsync(command, option, "json", SampleFiles.Chunks000);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be($"paperchunks: {message}\nRun 'paperchunks {command} --help' for usage.\n");
    }

    [Theory]
    [InlineData("convert", "-quiet", "unknown option '-quiet' for 'convert'; did you mean '--quiet'?")]
    [InlineData("convert", "--overwrit", "unknown option '--overwrit' for 'convert'; did you mean '--overwrite'?")]
    [InlineData("normalize", "--feild=chunk", "unknown option '--feild' for 'normalize'; did you mean '--field'?")]
    [InlineData("reassemble", "--gap-marker", "unknown option '--gap-marker' for 'reassemble'; did you mean '--gap-markers'?")]
    public async Task Unknown_option_of_a_writing_command_is_a_usage_error_and_writes_nothing(string command, string option, string message)
    {
        using var temp = new TempDirectory();
        var output = temp.File("out.jsonl");

        var (exit, stdout, error) = await CliRun.RunAsync(command, SampleFiles.Chunks000, option, "-o", output);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        error.Should().Be($"paperchunks: {message}\nRun 'paperchunks {command} --help' for usage.\n");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Words_after_double_dash_are_inputs_even_when_they_start_with_a_dash()
    {
        var (exit, _, error) = await CliRun.RunAsync("stats", "--", "-missing.jsonl");

        exit.Should().Be(1);
        error.Should().StartWith("paperchunks: -missing.jsonl: cannot open the file");
    }

    [Fact]
    public async Task A_value_after_an_option_that_takes_one_is_not_an_option()
    {
        using var temp = new TempDirectory();

        var (exit, _, error) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "--min-overlap", "-5", "-o", temp.File("p.jsonl"));

        exit.Should().Be(2);
        error.Should().NotContain("unknown option");
    }
}
