using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

public class ParquetChunkDatasetWriterTests
{
    [Fact]
    public async Task Shards_by_rows_with_Hugging_Face_names()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("dataset");

        await WriteSampleAsync(folder, new ParquetWriterOptions { ShardRows = 40 });

        Files(folder).Should().Equal("train-00000-of-00003.parquet", "train-00001-of-00003.parquet", "train-00002-of-00003.parquet");
        RowsIn(Path.Combine(folder, "train-00002-of-00003.parquet")).Should().Be(20);
    }

    [Fact]
    public async Task Partitions_by_primary_category_into_Hive_folders()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("dataset");

        await WriteSampleAsync(folder, new ParquetWriterOptions { PartitionBy = ChunkColumns.PrimaryCategory });

        // The sample's primary categories, from samples/data/chunks-000.jsonl: cs.AI, cs.CV, cs.IR, cs.LG.
        Files(folder).Should().Equal(
            "primary_category=cs.AI/train-00000-of-00001.parquet",
            "primary_category=cs.CV/train-00000-of-00001.parquet",
            "primary_category=cs.IR/train-00000-of-00001.parquet",
            "primary_category=cs.LG/train-00000-of-00001.parquet");
        using var reader = new ParquetChunkReader(Path.Combine(folder, "primary_category=cs.LG", "train-00000-of-00001.parquet"));
        reader.ReadAll().Should().OnlyContain(r => r.PrimaryCategory == "cs.LG");
    }

    [Theory]
    [InlineData("../x", "primary_category=..%2Fx")]
    [InlineData("../../etc", "primary_category=..%2F..%2Fetc")]
    [InlineData("a/b", "primary_category=a%2Fb")]
    [InlineData("a\\b", "primary_category=a%5Cb")]
    [InlineData("..", "primary_category=..")]
    [InlineData("", "primary_category=__HIVE_DEFAULT_PARTITION__")]
    [InlineData("nul\0byte", "primary_category=nul%00byte")]
    [InlineData("k=v?#%", "primary_category=k%3Dv%3F%23%25")]
    public async Task Keeps_hostile_partition_values_inside_the_output_folder(string value, string expectedFolder)
    {
        using var temp = new TempDirectory();
        var folder = temp.File("dataset");
        var record = new ChunkRecord { Doi = "1511.07289", ChunkId = 0, Chunk = "c", PrimaryCategory = value };

        await using (var writer = new ParquetChunkDatasetWriter(folder, new ParquetWriterOptions { PartitionBy = ChunkColumns.PrimaryCategory }))
        {
            await writer.WriteAsync(record);
            await writer.CompleteAsync();
        }

        Directory.GetFileSystemEntries(temp.Path).Should().Equal(folder);
        Files(folder).Should().Equal($"{expectedFolder}/train-00000-of-00001.parquet");
        using var reader = new ParquetChunkReader(Path.Combine(folder, expectedFolder, "train-00000-of-00001.parquet"));
        reader.Read()!.PrimaryCategory.Should().Be(value);
    }

    [Fact]
    public async Task Leaves_nothing_when_aborted_before_completion()
    {
        using var temp = new TempDirectory();
        using var jsonl = new JsonlChunkReader(SampleFiles.Chunks000);
        await using (var writer = new ParquetChunkDatasetWriter(temp.File("dataset"), new ParquetWriterOptions { ShardRows = 10, PartitionBy = ChunkColumns.PrimaryCategory }))
        {
            foreach (var record in jsonl.ReadAll().Take(70))
            {
                await writer.WriteAsync(record);
            }

            writer.Abort();
        }

        Directory.GetFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Replaces_an_existing_folder_only_with_overwrite()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("dataset");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "old.parquet"), "old");

        var act = () => new ParquetChunkDatasetWriter(folder, new ParquetWriterOptions { ShardRows = 50 }, WriterOptions.Default);
        act.Should().Throw<PaperChunksOutputException>().Which.Reason.Should().Be("the folder exists; allow overwriting to replace it");

        await WriteSampleAsync(folder, new ParquetWriterOptions { ShardRows = 50 }, new WriterOptions { Overwrite = true });

        Files(folder).Should().Equal("train-00000-of-00002.parquet", "train-00001-of-00002.parquet");
        Directory.GetFileSystemEntries(temp.Path).Should().Equal(folder);
    }

    [Fact]
    public void Refuses_to_partition_by_a_list_column()
    {
        using var temp = new TempDirectory();

        var act = () => new ParquetChunkDatasetWriter(temp.File("d"), new ParquetWriterOptions { PartitionBy = ChunkColumns.Authors });

        act.Should().Throw<ArgumentException>().WithMessage("Cannot partition by \"authors\"*");
    }

    private static async Task WriteSampleAsync(string folder, ParquetWriterOptions options, WriterOptions? writerOptions = null)
    {
        using var jsonl = new JsonlChunkReader(SampleFiles.Chunks000);
        await using var writer = new ParquetChunkDatasetWriter(folder, options, writerOptions);
        await writer.WriteAllAsync(jsonl.ReadAllAsync());
    }

    private static List<string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static long RowsIn(string path)
    {
        using var file = new ParquetSharp.ParquetFileReader(path);
        return file.FileMetaData.NumRows;
    }
}
