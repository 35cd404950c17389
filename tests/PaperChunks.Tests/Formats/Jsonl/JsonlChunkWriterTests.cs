using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

public class JsonlChunkWriterTests
{
    [Fact]
    public void Round_trips_the_sample_byte_for_byte()
    {
        var original = File.ReadAllBytes(SampleFiles.Chunks000);
        using var output = new MemoryStream();
        using (var reader = new JsonlChunkReader(SampleFiles.Chunks000))
        using (var writer = new JsonlChunkWriter(output))
        {
            foreach (var record in reader.ReadAll())
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        output.ToArray().Should().Equal(original);
    }

    [Fact]
    public void Round_trips_unknown_fields_and_absent_fields_byte_for_byte()
    {
        var line = "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"c\",\"comment\":null,\"x-score\":[1,{\"a\":true}]}\n"u8.ToArray();
        using var output = new MemoryStream();
        using (var reader = new JsonlChunkReader(new MemoryStream(line)))
        using (var writer = new JsonlChunkWriter(output))
        {
            writer.Write(reader.Read()!);
            writer.Complete();
        }

        Encoding.UTF8.GetString(output.ToArray()).Should().Be(Encoding.UTF8.GetString(line));
    }

    [Theory]
    [InlineData("out.jsonl.gz")]
    [InlineData("out.jsonl.zst")]
    public async Task Writes_compressed_files_that_read_back_equal(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        using var source = new JsonlChunkReader(SampleFiles.Chunks000);
        var records = source.ReadAll().ToList();

        await using (var writer = new JsonlChunkWriter(path))
        {
            await writer.WriteAllAsync(records.ToAsyncEnumerable());
        }

        File.ReadAllBytes(path).Length.Should().BeLessThan((int)new FileInfo(SampleFiles.Chunks000).Length / 2);
        using var reader = new JsonlChunkReader(path);
        reader.ReadAll().Should().Equal(records);
    }

    [Fact]
    public void Leaves_no_file_and_keeps_the_old_one_when_aborted()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        File.WriteAllText(path, "previous");

        using (var writer = new JsonlChunkWriter(path, new WriterOptions { Overwrite = true }))
        {
            writer.Write(new ChunkRecord { Doi = "1", ChunkId = 0, Chunk = "x" });
            writer.Abort();
        }

        File.ReadAllText(path).Should().Be("previous");
        Directory.GetFiles(temp.Path).Should().Equal(path);
    }

    [Fact]
    public void Refuses_to_replace_an_existing_file_when_overwrite_is_off()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        File.WriteAllText(path, "previous");

        var act = () => new JsonlChunkWriter(path, new WriterOptions { Overwrite = false });

        act.Should().Throw<PaperChunksOutputException>()
            .WithMessage($"{path}: the file exists; allow overwriting to replace it");
        File.ReadAllText(path).Should().Be("previous");
    }
}
