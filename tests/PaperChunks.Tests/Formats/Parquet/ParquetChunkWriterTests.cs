using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

public class ParquetChunkWriterTests
{
    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Zstd)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.None)]
    public void Round_trips_the_sample_JSONL_through_Parquet_byte_for_byte(ParquetCompression compression)
    {
        using var temp = new TempDirectory();
        var parquet = temp.File("chunks.parquet");
        var options = new ParquetWriterOptions { Compression = compression, RowGroupRows = 30 };

        var bytes = SampleRoundTrip.Through(() => new ParquetChunkWriter(parquet, options), () => new ParquetChunkReader(parquet));

        bytes.Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
    }

    [Fact]
    public async Task Reads_back_the_first_seed_row_with_its_values()
    {
        using var temp = new TempDirectory();
        var parquet = temp.File("chunks.parquet");
        await WriteSampleAsync(parquet, ParquetWriterOptions.Default);

        await using var reader = new ParquetChunkReader(parquet);
        var first = (await reader.ReadAsync())!;

        first.Doi.Should().Be("1703.04933");
        first.ChunkId.Should().Be(40);
        first.Id.Should().Be("1703.04933#40");
        first.Title.Should().Be("Sharp Minima Can Generalize For Deep Nets");
        first.Authors.Should().Equal("Laurent Dinh", "Razvan Pascanu", "Samy Bengio", "Yoshua Bengio");
        first.Categories.Should().Equal("cs.LG");
        first.Comment.Should().Be("8.5 pages of main content, 2.5 of bibliography and 1 page of appendix");
        first.JournalRef.Should().BeNull();
        first.Published.Should().Be("20170315");
        first.Updated.Should().Be("20170515");
        first.References.Should().HaveCount(15);
        first.References[0].Should().Be(new PaperReference("1609.03193"));
        reader.CurrentLine.Should().Be(1);
        reader.TotalRows.Should().Be(100);
    }

    [Fact]
    public async Task Splits_row_groups_by_rows_and_by_bytes()
    {
        using var temp = new TempDirectory();
        var byRows = temp.File("rows.parquet");
        var byBytes = temp.File("bytes.parquet");
        await WriteSampleAsync(byRows, new ParquetWriterOptions { RowGroupRows = 30 });
        await WriteSampleAsync(byBytes, new ParquetWriterOptions { RowGroupBytes = 64 * 1024 });

        using (var file = new ParquetSharp.ParquetFileReader(byRows))
        {
            file.FileMetaData.NumRowGroups.Should().Be(4);
            file.RowGroup(0).MetaData.NumRows.Should().Be(30);
            file.RowGroup(3).MetaData.NumRows.Should().Be(10);
        }

        using (var file = new ParquetSharp.ParquetFileReader(byBytes))
        {
            // The sample's 100 rows are 243 KB as JSON, about 2.4 KB a row: 64 KB of values hold ~27 rows.
            file.FileMetaData.NumRowGroups.Should().Be(4);
            file.FileMetaData.NumRows.Should().Be(100);
        }
    }

    [Fact]
    public async Task Writes_a_valid_empty_file_when_no_rows_come()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.parquet");
        await using (var writer = new ParquetChunkWriter(path))
        {
            await writer.CompleteAsync();
        }

        await using var reader = new ParquetChunkReader(path);
        (await reader.ReadAsync()).Should().BeNull();
    }

    [Fact]
    public async Task Leaves_nothing_when_aborted_before_completion()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.parquet");
        await using (var writer = new ParquetChunkWriter(path, new ParquetWriterOptions { RowGroupRows = 10 }))
        {
            using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
            foreach (var record in reader.ReadAll().Take(55))
            {
                await writer.WriteAsync(record);
            }

            writer.Abort();
        }

        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void Refuses_to_replace_an_existing_file_without_overwrite()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.parquet");
        File.WriteAllText(path, "keep me");

        var act = () => new ParquetChunkWriter(path, null, new WriterOptions { Overwrite = false });

        act.Should().Throw<PaperChunksOutputException>()
            .Which.Message.Should().Be($"{path}: the file exists; allow overwriting to replace it");
        File.ReadAllText(path).Should().Be("keep me");
    }

    [Fact]
    public void Refuses_sharding_options_for_a_single_file()
    {
        var act = () => new ParquetChunkWriter(new MemoryStream(), new ParquetWriterOptions { ShardRows = 10 });

        act.Should().Throw<ArgumentException>().WithMessage("Sharding, partitioning and a dataset card need a folder output*");
    }

    internal static async Task WriteSampleAsync(string path, ParquetWriterOptions options)
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
        await using var writer = new ParquetChunkWriter(path, options);
        await writer.WriteAllAsync(reader.ReadAllAsync());
    }
}
