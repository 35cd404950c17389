using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// A partitioned or bucketed Parquet output holds a bounded number of files open whatever the number of
/// values or buckets, and a value that cannot name a folder is the input row's error, not the whole conversion's.
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

        var (exit, stdout, stderr) = ConvertUnderOpenFileLimit(256, input, temp.File("ds"), "--partition-by", "doi");

        (exit, stderr).Should().Be((0, ""));
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

    [Fact]
    public async Task Keeps_at_most_the_open_partition_limit_of_buckets_open_and_every_row_in_its_papers_bucket()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("ds");
        var first = FirstSampleRow();
        var mostOpen = 0;

        await using (var writer = new ParquetChunkDatasetWriter(folder, new ParquetWriterOptions { Buckets = 40, MaxOpenPartitions = 4 }))
        {
            // 30 papers (20 buckets), their rows interleaved twice over, so buckets are left and come back.
            for (var round = 0; round < 2; round++)
            {
                for (var p = 0; p < 30; p++)
                {
                    await writer.WriteAsync(first with { Doi = BucketDoi(p), ChunkId = round });
                    mostOpen = Math.Max(mostOpen, writer.OpenPartitions);
                }
            }

            await writer.CompleteAsync();
        }

        mostOpen.Should().Be(4);
        var rows = Directory.GetDirectories(folder).SelectMany(bucket => Directory.GetFiles(bucket).SelectMany(file => DoisIn(file)
            .Select(doi => (Folder: Path.GetFileName(bucket), Doi: doi)))).ToList();
        rows.Should().HaveCount(60);
        rows.Should().OnlyContain(r => r.Folder == $"bucket={PaperShard.BucketOf(r.Doi, 40)}");
        rows.Select(r => r.Doi).Distinct().Should().HaveCount(30);
        Directory.GetDirectories(folder).Should().HaveCount(20, "the distinct buckets of the 30 dois, counted with Python's hashlib");
    }

    [PosixShellFact]
    public void Converts_into_1000_buckets_under_an_open_file_limit_of_128_out_of_process()
    {
        using var temp = new TempDirectory();
        var input = temp.File("many.jsonl");
        var first = FirstSampleRow();
        using (var writer = new JsonlChunkWriter(input))
        {
            // 300 papers in 270 buckets, some visited again by a paper far apart.
            for (var p = 0; p < 300; p++)
            {
                writer.Write(first with { Doi = BucketDoi(p), ChunkId = 0, Id = $"{BucketDoi(p)}#0" });
            }

            writer.Complete();
        }

        var (exit, stdout, stderr) = ConvertUnderOpenFileLimit(128, input, temp.File("ds"), "--buckets", "1000");

        (exit, stderr).Should().Be((0, ""));
        stdout.Should().EndWith(": 300 rows, 0 skipped\n");
        // 270 distinct buckets among the 300 dois, counted with Python's hashlib: more than the 128 files the process may open.
        Directory.GetDirectories(temp.File("ds")).Should().HaveCount(270);
        Directory.GetFiles(temp.File("ds"), "*.parquet", SearchOption.AllDirectories).Sum(RowsIn).Should().Be(300);
    }

    private static string BucketDoi(int paper) => string.Create(CultureInfo.InvariantCulture, $"2401.{paper:D5}");

    private static List<string> DoisIn(string path)
    {
        using var reader = new ParquetChunkReader(path);
        return [.. reader.ReadAll().Select(r => r.Doi)];
    }

    // Runs the built tool's convert with the process' open-file limit lowered by the shell.
    private static (int Exit, string Out, string Error) ConvertUnderOpenFileLimit(int limit, string input, string output, params string[] options)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "PaperChunks.Cli.dll");
        var script = string.Create(CultureInfo.InvariantCulture, $"ulimit -n {limit} && cli=\"$0\" input=\"$1\" output=\"$2\" && shift 2 && exec dotnet \"$cli\" convert \"$input\" -o \"$output\" \"$@\"");
        var start = new ProcessStartInfo("/bin/sh", ["-c", script, cli, input, output, .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
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
