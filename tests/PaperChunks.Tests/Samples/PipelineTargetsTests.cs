using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using FluentAssertions;
using PaperChunks.Formats;
using Xunit;

namespace PaperChunks.Tests.Samples;

/// <summary>
/// samples/pipeline/PaperChunks.Convert.targets run by MSBuild itself (<c>dotnet msbuild</c> on a project with no SDK,
/// so nothing is restored), with the tool under test as <c>PaperChunksTool</c>: outputs are named by the data file's
/// stem, and a bad row fails the build as a located MSBuild error. .ci/package-smoke.sh runs the same targets with
/// the packed tool from a tool manifest.
/// </summary>
public class PipelineTargetsTests
{
    private static string Targets => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pipeline", "PaperChunks.Convert.targets");

    private static string Tool => $"dotnet &quot;{Path.Combine(AppContext.BaseDirectory, "PaperChunks.Cli.dll")}&quot;";

    [Fact]
    public void Names_each_jsonl_jsonl_gz_and_jsonl_zst_input_by_its_stem()
    {
        using var temp = new TempDirectory();
        var data = Directory.CreateDirectory(temp.File("data")).FullName;
        File.Copy(SampleFiles.Chunks000, Path.Combine(data, "plain.jsonl"));
        using (var gz = new GZipStream(File.Create(Path.Combine(data, "packed.jsonl.gz")), CompressionLevel.Fastest))
        using (var sample = File.OpenRead(SampleFiles.Chunks000))
        {
            sample.CopyTo(gz);
        }

        // ZstdSharp's stream leaves the file open when disposed, so the file is disposed by its own using.
        using (var file = File.Create(Path.Combine(data, "squeezed.jsonl.zst")))
        using (var zst = new ZstdSharp.CompressionStream(file))
        using (var sample = File.OpenRead(SampleFiles.Chunks000))
        {
            sample.CopyTo(zst);
        }

        var (exit, log, errors) = Build(temp);

        exit.Should().Be(0, log);
        errors.Should().BeEmpty();
        Directory.GetFiles(temp.File("parquet")).Select(Path.GetFileName).Order()
            .Should().Equal("packed.parquet", "plain.parquet", "squeezed.parquet");
        using var reader = PaperChunksReader.OpenChunks(temp.File("parquet/packed.parquet"));
        reader.ReadAll().Should().HaveCount(100);
    }

    [Fact]
    public void A_bad_row_fails_the_build_as_a_located_msbuild_error_and_leaves_no_parquet()
    {
        using var temp = new TempDirectory();
        var data = Directory.CreateDirectory(temp.File("data")).FullName;
        var lines = File.ReadAllLines(SampleFiles.Chunks000);
        lines[2] = "{\"doi\": \"1511.06856\", \"chunk-id\": \"three\", \"chunk\": \"x\"}";
        var bad = Path.Combine(data, "bad.jsonl");
        File.WriteAllLines(bad, lines);

        var (exit, log, errors) = Build(temp);

        exit.Should().NotBe(0, log);
        // MSBuild's error log holds only what it parsed as errors (after its node number, each followed by the project):
        // the tool's line, then MSBuild's own MSB3073 for the command's exit code.
        errors.Split('\n').Select(line => Regex.Replace(line, @"^\s*\d+>", "")).Should().StartWith(
            [$"{bad}(3,35): error PC1001: field \"chunk-id\": expected an integer, found \"three\" [{temp.File("Corpus.proj")}]"]);
        Directory.GetFiles(temp.File("parquet")).Should().BeEmpty();
    }

    /// <summary>Runs MSBuild on a project that imports the targets and has an empty Build target for them to follow.</summary>
    private static (int Exit, string Log, string Errors) Build(TempDirectory temp)
    {
        File.WriteAllText(temp.File("Corpus.proj"), $"""
            <Project>
              <PropertyGroup><PaperChunksTool>{Tool}</PaperChunksTool></PropertyGroup>
              <Import Project="{Targets}" />
              <Target Name="Build" />
            </Project>
            """);
        var errors = temp.File("errors.log");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "msbuild", temp.File("Corpus.proj"), "-t:Build", "-nologo", "-nodeReuse:false", "-v:m", $"-flp:errorsonly;logfile={errors}" },
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, log + stderr.Result, File.Exists(errors) ? File.ReadAllText(errors).ReplaceLineEndings("\n") : "");
    }
}
