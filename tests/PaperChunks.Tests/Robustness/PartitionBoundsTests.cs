using System.Diagnostics;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// A partitioned Parquet output holds a bounded number of files open whatever the number of values, and a
/// value that cannot name a folder is the input row's error, not the whole conversion's.
/// </summary>
public class PartitionBoundsTests
{
    [Fact]
    public async Task Keeps_at_most_the_open_partition_limit_and_starts_a_new_file_when_a_value_comes_back()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("ds");
        var first = FirstSampleRow();
        var options = new ParquetWriterOptions { PartitionBy = ChunkColumns.Doi, MaxOpenPartitions = 3 };
        var mostOpen = 0;

        await using (var writer = new ParquetChunkDatasetWriter(folder, options))
        {
            // Values a, b, c, d, e, then a again: a was closed when d arrived, so it gets a second file.
            foreach (var doi in (string[])["a", "b", "c", "d", "e", "a"])
            {
                await writer.WriteAsync(first with { Doi = doi });
                mostOpen = Math.Max(mostOpen, writer.OpenPartitions);
            }

            await writer.CompleteAsync();
        }

        mostOpen.Should().Be(3);
        Directory.GetFiles(Path.Combine(folder, "doi=a")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Should().Equal("train-00000-of-00002.parquet", "train-00001-of-00002.parquet");
        Directory.GetFiles(Path.Combine(folder, "doi=e")).Select(Path.GetFileName).Should().Equal("train-00000-of-00001.parquet");
        Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories).Sum(RowsIn).Should().Be(6);
    }

    [Fact]
    public void Refuses_an_open_partition_limit_below_one()
    {
        using var temp = new TempDirectory();

        var act = () => new ParquetChunkDatasetWriter(temp.File("ds"), new ParquetWriterOptions { PartitionBy = ChunkColumns.Doi, MaxOpenPartitions = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("MaxOpenPartitions");
    }

    [PosixShellFact]
    public void Converts_600_partitions_under_an_open_file_limit_of_256_out_of_process()
    {
        using var temp = new TempDirectory();
        var input = temp.File("many.jsonl");
        var first = FirstSampleRow();
        using (var writer = new JsonlChunkWriter(input))
        {
            for (var i = 0; i < 600; i++)
            {
                writer.Write(first with { Doi = $"2401.{i:D5}" });
            }

            writer.Complete();
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "PaperChunks.Cli.dll");
        var start = new ProcessStartInfo("/bin/sh", ["-c", "ulimit -n 256 && exec dotnet \"$0\" convert \"$1\" -o \"$2\" --partition-by doi", cli, input, temp.File("ds")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        (process.ExitCode, stderr.Result).Should().Be((0, ""));
        stdout.Should().EndWith(": 600 rows, 0 skipped\n");
        Directory.GetDirectories(temp.File("ds")).Should().HaveCount(600);
    }

    [Fact]
    public async Task Skips_a_row_whose_partition_value_is_too_long_for_a_folder_name_and_names_its_line()
    {
        using var temp = new TempDirectory();
        var input = temp.File("titles.jsonl");
        var lines = File.ReadLines(SampleFiles.Chunks000).Take(3).ToList();
        var title = new string('t', 300);
        lines[1] = lines[1].Replace("\"title\":\"", $"\"title\":\"{title}", StringComparison.Ordinal);
        lines[1].Should().Contain(title, "the fixture must carry the long title");
        await File.WriteAllLinesAsync(input, lines);
        var folder = temp.File("ds");

        var (exit, stdout, stderr) = await CliRun.RunAsync("convert", input, "-o", folder, "--partition-by", "title", "--on-error", "skip");
        var (failFast, _, failFastError) = await CliRun.RunAsync("convert", input, "-o", temp.File("ds2"), "--partition-by", "title");

        exit.Should().Be(1);
        stderr.Should().StartWith($"{input}:2: field \"title\": the partition value is too long for a folder name (")
            .And.EndWith($" bytes encoded, at most 255): {new string('t', 40)}…\n");
        stdout.Should().EndWith(": 2 rows, 1 skipped\n");
        Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories).Sum(RowsIn).Should().Be(2);
        failFast.Should().Be(1);
        failFastError.Should().StartWith($"paperchunks: {input}:2: field \"title\": the partition value is too long");
        Directory.Exists(temp.File("ds2")).Should().BeFalse();
    }

    private static ChunkRecord FirstSampleRow()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
        return reader.Read()!;
    }

    private static long RowsIn(string path)
    {
        using var file = new ParquetSharp.ParquetFileReader(path);
        return file.FileMetaData.NumRows;
    }
}
