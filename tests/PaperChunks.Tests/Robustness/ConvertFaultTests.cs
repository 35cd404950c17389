using System.Diagnostics;
using FluentAssertions;
using PaperChunks.Cli;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// <c>paperchunks convert</c> on damaged input and into failing outputs: every good row written, the
/// previous output intact on failure, no temporary file left, and the exit code and message say what happened.
/// </summary>
public class ConvertFaultTests
{
    private static readonly int[] Damaged = [9, 49, 89];

    [Theory]
    [InlineData("out.jsonl")]
    [InlineData("out.csv")]
    [InlineData("out.parquet")]
    public async Task Convert_with_skip_writes_every_good_row_of_a_damaged_file(string name)
    {
        using var temp = new TempDirectory();
        var input = temp.File("damaged.jsonl");
        var lines = File.ReadAllLines(SampleFiles.Chunks000);
        // A raw control character is invalid in a JSON row: each damaged line is a bad row.
        File.WriteAllLines(input, lines.Select((l, i) => Damaged.Contains(i) ? l.Insert(l.Length / 2, "\u0001") : l));
        using var original = new JsonlChunkReader(SampleFiles.Chunks000);
        var good = original.ReadAll().Where((_, i) => !Damaged.Contains(i)).ToList();
        var output = temp.File(name);

        var (exit, stdout, stderr) = await RunAsync(CancellationToken.None, "convert", input, "-o", output, "--on-error", "skip");

        exit.Should().Be(1, "skipped rows are data errors");
        stdout.Should().Contain("97 rows, 3 skipped");
        stderr.Should().Contain($"{input}:10:").And.Contain($"{input}:50:").And.Contain($"{input}:90:");
        lines.Should().HaveCount(100);
        ReadBack(output).Should().Equal(good);
    }

    [SkippableFact]
    public async Task Convert_onto_a_full_disk_keeps_the_previous_output_and_exits_1()
    {
        using var temp = new TempDirectory();
        var mount = temp.File("tiny");
        Directory.CreateDirectory(mount);
        OutputFaultTests.MountTmpfsOrSkip(mount, "256k");

        try
        {
            var output = Path.Combine(mount, "out.jsonl");
            File.WriteAllText(output, "previous");
            for (var i = 0; i < 3; i++)
            {
                File.Copy(SampleFiles.Chunks000, temp.File($"part-{i}.jsonl"));
            }

            var (exit, _, stderr) = await RunAsync(CancellationToken.None, "convert", Path.Combine(temp.Path, "part-*.jsonl"), "-o", output, "--overwrite");

            exit.Should().Be(1);
            stderr.Should().StartWith($"paperchunks: {output}: cannot write the output: No space left on device");
            File.ReadAllText(output).Should().Be("previous");
            Directory.GetFiles(mount).Should().Equal(output);
        }
        finally
        {
            Process.Start("umount", mount).WaitForExit();
        }
    }

    [Theory]
    [InlineData("out.jsonl", 1)]
    [InlineData("out.csv", 7)]
    [InlineData("out.parquet", 42)]
    public async Task Convert_cancelled_at_random_points_keeps_the_previous_output_and_exits_130(string name, int seed)
    {
        using var temp = new TempDirectory();
        var output = temp.File(name);
        File.WriteAllText(output, "previous");
        var random = new Random(seed);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 60)));

            var (exit, _, stderr) = await RunAsync(cancel.Token, "convert", SampleFiles.Chunks000, "-o", output, "--overwrite");

            if (exit == 0)
            {
                // Finished before the cancellation: the new output is whole.
                ReadBack(output).Should().HaveCount(100);
                File.WriteAllText(output, "previous");
            }
            else
            {
                exit.Should().Be(130);
                stderr.Should().Be("paperchunks: cancelled; no partial output was left.\n");
                File.ReadAllText(output).Should().Be("previous");
            }

            Directory.GetFiles(temp.Path).Should().Equal(output);
        }
    }

    private static List<ChunkRecord> ReadBack(string path)
    {
        using PaperChunks.Formats.RecordReader<ChunkRecord> reader = Path.GetExtension(path) switch
        {
            ".csv" => new CsvChunkReader(path),
            ".parquet" => new ParquetChunkReader(path),
            _ => new JsonlChunkReader(path),
        };
        return reader.ReadAll().ToList();
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PaperChunksCli.RunAsync(args, new CliConsole(output, error, ErrorIsTerminal: false), cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
