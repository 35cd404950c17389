using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats;

public class PaperChunksWriterTests
{
    [Theory]
    [InlineData("out.csv.gz", "csv.gz")]
    [InlineData("out.jsonl.zst", "jsonl.zst")]
    [InlineData("out.parquet", "parquet")]
    public void Writes_the_format_the_extension_names(string name, string detected)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        using var reader = PaperChunksReader.OpenChunks(SampleFiles.Chunks000);

        using (var writer = PaperChunksWriter.CreateChunks(path))
        {
            foreach (var record in reader.ReadAll())
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        PaperChunksReader.Detect(path).Name.Should().Be(detected);
        using var back = PaperChunksReader.OpenChunks(path);
        back.ReadAll().Should().HaveCount(100);
    }

    [Fact]
    public async Task Writes_a_folder_of_shards_when_sharding_is_asked_for()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("dataset");
        using var reader = PaperChunksReader.OpenChunks(SampleFiles.Chunks000);

        await using (var writer = PaperChunksWriter.CreateChunks(folder, new WriterOptions { Parquet = new ParquetWriterOptions { ShardRows = 40 } }))
        {
            await writer.WriteAllAsync(reader.ReadAllAsync());
        }

        Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Should().Equal("train-00000-of-00003.parquet", "train-00001-of-00003.parquet", "train-00002-of-00003.parquet");
    }

    [Fact]
    public void Refuses_to_write_rows_of_any_column_set_as_CSV()
    {
        var act = () => PaperChunksWriter.CreateGeneric("rows.csv");

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith("rows.csv: generic rows cannot be written as CSV; write JSON Lines.");
    }

    [Fact]
    public void Refuses_an_existing_file_unless_overwriting_is_asked_for()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        File.WriteAllText(path, "keep me");

        var act = () => PaperChunksWriter.CreateChunks(path);

        act.Should().Throw<PaperChunksOutputException>().Which.Reason.Should().Be("the file exists; allow overwriting to replace it");
        File.ReadAllText(path).Should().Be("keep me");
        using var replacing = PaperChunksWriter.CreateChunks(path, new WriterOptions { Overwrite = true });
    }

    [Theory]
    [InlineData(OutputFormat.Jsonl)]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.Parquet)]
    public async Task Leaves_a_stream_open_unless_told_otherwise(OutputFormat format)
    {
        var kept = new MemoryStream();
        var closed = new MemoryStream();
        var row = new ChunkRecord { Doi = "1511.07289", ChunkId = 0, Chunk = "text" };

        await using (var writer = PaperChunksWriter.CreateChunks(kept, null, format))
        {
            await writer.WriteAsync(row);
            await writer.CompleteAsync();
        }

        await using (var writer = PaperChunksWriter.CreateChunks(closed, new WriterOptions { LeaveOpen = false }, format))
        {
            await writer.WriteAsync(row);
            await writer.CompleteAsync();
        }

        kept.CanWrite.Should().BeTrue();
        closed.CanWrite.Should().BeFalse();
        closed.ToArray().Should().Equal(kept.ToArray());
    }

    [Theory]
    [InlineData("a.jsonl", OutputFormat.Jsonl)]
    [InlineData("a.NDJSON.GZ", OutputFormat.Jsonl)]
    [InlineData("a.csv.zst", OutputFormat.Csv)]
    [InlineData("dir.v2/a.parquet", OutputFormat.Parquet)]
    [InlineData("a.txt", null)]
    [InlineData("a.parquet.bak", null)]
    public void Tells_the_format_from_the_extension(string path, OutputFormat? format) =>
        PaperChunksWriter.FormatOf(path).Should().Be(format);
}
