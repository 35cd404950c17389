using System.Text;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

public class JsonlFilePartsTests
{
    [Fact]
    public void Parts_of_a_file_return_its_rows_with_its_line_numbers_in_order()
    {
        using var temp = new TempDirectory();
        // A BOM, CRLF line ends and blank lines: each part must still start at a line start.
        var lines = File.ReadAllLines(SampleFiles.Chunks000);
        var path = temp.File("corpus.jsonl");
        File.WriteAllText(path, "\uFEFF" + string.Join("\r\n", lines.Take(50)) + "\r\n\r\n" + string.Join("\r\n", lines.Skip(50)) + "\r\n", new UTF8Encoding(false));

        var whole = ReadWithLines(PaperChunksReader.OpenChunks(path));
        var parts = PaperChunksReader.OpenChunkParts(path, 4, null, null, minPartBytes: 1);
        var pieces = parts.Select(ReadWithLines).ToList();

        parts.Should().HaveCount(4);
        pieces.Should().AllSatisfy(p => p.Should().NotBeEmpty());
        pieces.SelectMany(p => p).Should().Equal(whole);
        whole.Should().HaveCount(100);
        whole[^1].Line.Should().Be(101);
    }

    [Fact]
    public void An_error_in_a_later_part_names_the_files_own_line_and_column()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadAllLines(SampleFiles.Chunks000).ToList();
        lines[79] = "{\"doi\": 1703, \"chunk-id\": 0, \"chunk\": \"x\"}";
        var path = temp.File("corpus.jsonl");
        File.WriteAllLines(path, lines);
        var options = new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport };

        var parts = PaperChunksReader.OpenChunkParts(path, 3, options, null, minPartBytes: 1);
        var rows = parts.Sum(p => p.ReadAll().Count());
        parts.ToList().ForEach(p => p.Dispose());

        rows.Should().Be(99);
        parts.SelectMany(p => p.Errors).Select(e => e.Message).Should().Equal(
            $"{path}:80:9: field \"doi\": expected a string, found 1703");
        parts.Select(p => p.ErrorCount).Should().Equal(0, 0, 1);
    }

    [Fact]
    public void A_small_or_compressed_file_comes_back_as_one_reader()
    {
        using var temp = new TempDirectory();
        var zst = temp.File("corpus.jsonl.zst");
        using (var file = File.Create(zst))
        using (var output = new ZstdSharp.CompressionStream(file))
        {
            output.Write(File.ReadAllBytes(SampleFiles.Chunks000));
        }

        using var compressed = PaperChunksReader.OpenChunkParts(zst, 4, null, null, minPartBytes: 1).Should().ContainSingle().Subject;
        using var small = PaperChunksReader.OpenChunkParts(SampleFiles.Chunks000, 4).Should().ContainSingle().Subject;

        compressed.ReadAll().Should().HaveCount(100);
        small.ReadAll().Should().HaveCount(100);
    }

    [Fact]
    public void A_line_longer_than_a_part_is_not_cut()
    {
        using var temp = new TempDirectory();
        var path = temp.File("long.jsonl");
        var chunk = new string('w', 100_000);
        File.WriteAllText(path, $"{{\"doi\":\"a\",\"chunk-id\":0,\"chunk\":\"{chunk}\"}}\n{{\"doi\":\"b\",\"chunk-id\":0,\"chunk\":\"short\"}}\n");

        var parts = PaperChunksReader.OpenChunkParts(path, 8, null, null, minPartBytes: 1000);

        parts.Should().HaveCount(2);
        parts.Select(p => p.ReadAll().Single().Doi).Should().Equal("a", "b");
    }

    private static List<(ChunkRecord Row, long Line)> ReadWithLines(RecordReader<ChunkRecord> reader)
    {
        using (reader)
        {
            var rows = new List<(ChunkRecord, long)>();
            while (reader.Read() is { } row)
            {
                rows.Add((row, reader.CurrentLine));
            }

            return rows;
        }
    }
}
