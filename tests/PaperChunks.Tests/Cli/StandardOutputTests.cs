using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>
/// <c>-o -</c> through the built tool in its own process, since stdout is then the process's own: the rows go to
/// stdout byte for byte as they would go to a file, and the summary goes to stderr.
/// </summary>
public class StandardOutputTests
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "PaperChunks.Cli.dll");

    [SkippableTheory]
    [InlineData("reassemble")]
    [InlineData("convert")]
    [InlineData("normalize")]
    public async Task Dash_output_writes_to_stdout_the_bytes_a_jsonl_file_gets_and_the_summary_to_stderr(string command)
    {
        Skip.If(OperatingSystem.IsWindows(), "-o - is /dev/stdout, which Windows lacks");
        using var temp = new TempDirectory();
        var file = temp.File("out.jsonl");
        (await CliRun.RunAsync(command, SampleFiles.Chunks000, "-o", file)).Exit.Should().Be(0);

        var (exit, stdout, stderr) = await RunToolAsync(command, SampleFiles.Chunks000, "-o", "-");

        exit.Should().Be(0, stderr);
        stdout.Should().Equal(await File.ReadAllBytesAsync(file));
        stdout.Should().NotBeEmpty();
        stderr.Should().NotBeEmpty("the summary moves to stderr").And.NotContain("paperchunks:");
    }

    private static async Task<(int Exit, byte[] Out, string Error)> RunToolAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        return (process.ExitCode, output.ToArray(), await error);
    }
}
