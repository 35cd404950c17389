using System.IO.Compression;
using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

public class JsonlErrorTests
{
    private const string Good = "{\"doi\":\"1703.04933\",\"chunk-id\":1,\"chunk\":\"a\"}\n";

    private static JsonlChunkReader Open(string text, ErrorPolicy policy = ErrorPolicy.FailFast, string name = "corpus.jsonl") =>
        Open(Encoding.UTF8.GetBytes(text), policy, name);

    private static JsonlChunkReader Open(byte[] bytes, ErrorPolicy policy = ErrorPolicy.FailFast, string name = "corpus.jsonl") =>
        new(new MemoryStream(bytes), new ReaderOptions { SourceName = name, ErrorPolicy = policy });

    [Fact]
    public void Names_file_line_column_and_field_of_a_bad_integer()
    {
        using var reader = Open(Good + "{\"doi\":\"1703.04933\",\"chunk-id\":\"12a\",\"chunk\":\"x\"}\n");

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:2:32: field \"chunk-id\": expected an integer, found \"12a\"")
            .Which.Should().BeEquivalentTo(new { Line = 2L, Column = 32L, Field = "chunk-id", SourceName = "corpus.jsonl" });
    }

    [Fact]
    public void Reports_invalid_utf8_at_its_column()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"ab").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("cd\"}\n")).ToArray();
        using var reader = Open(bytes);

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:1:36: field \"chunk\": invalid UTF-8 (byte 0xFF); expected UTF-8 text");
    }

    [Fact]
    public void Reports_invalid_utf8_in_a_field_name_found_by_the_fuzzer()
    {
        // Regression: CsCheck seed fBRpDswHmFT1 inserted C3 28 into a name; the reader threw InvalidOperationException.
        var bytes = new byte[] { (byte)'{', (byte)'"', (byte)'d', 0xFF }.Concat(Encoding.UTF8.GetBytes("oi\":\"1\",\"chunk-id\":0,\"chunk\":\"x\"}\n")).ToArray();
        using var reader = Open(bytes);

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:1:4: invalid UTF-8 (byte 0xFF); expected UTF-8 text");
    }

    [Fact]
    public void Says_the_file_ends_inside_a_truncated_last_row()
    {
        using var reader = Open(Good + "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"abc");

        reader.Read().Should().NotBeNull();
        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:2:37: the row ends before its JSON object is complete (truncated line?); the file ends in the middle of this row");
    }

    [Fact]
    public void Names_a_missing_required_field()
    {
        using var reader = Open("{\"chunk-id\":0,\"chunk\":\"x\"}\n");

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:1:1: field \"doi\": missing; every chunk row needs doi, chunk-id and chunk");
    }

    [Fact]
    public void Rejects_a_row_that_is_not_an_object()
    {
        using var reader = Open("[1,2]\n");

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:1:1: expected a JSON object for the row, found a list");
    }

    [Fact]
    public void Rejects_a_field_given_twice()
    {
        using var reader = Open("{\"doi\":\"1\",\"doi\":\"2\",\"chunk-id\":0,\"chunk\":\"x\"}\n");

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:1:12: field \"doi\": appears twice in the row");
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        var deep = new string('[', 100) + new string(']', 100);
        using var reader = Open("{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"x\",\"extra\":" + deep + "}\n");

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().StartWith("corpus.jsonl:1:").And.Contain("invalid JSON: The maximum configured depth of 64 has been exceeded");
    }

    [Fact]
    public void Skips_a_50_MB_line_over_the_limit_without_buffering_it_and_reads_on()
    {
        var stream = new ConcatenatedStream(new RepeatedByteStream((byte)'x', 50L * 1024 * 1024), new MemoryStream(Encoding.UTF8.GetBytes("\n" + Good)));
        using var reader = new JsonlChunkReader(stream, new ReaderOptions
        {
            SourceName = "long.jsonl",
            ErrorPolicy = ErrorPolicy.SkipAndReport,
            MaxRowBytes = 1024 * 1024,
        });

        var rows = reader.ReadAll().ToList();

        rows.Should().ContainSingle().Which.ChunkId.Should().Be(1);
        reader.Errors.Should().ContainSingle().Which.Message.Should()
            .Be("long.jsonl:1: the line is longer than the 1,048,576-byte row limit; raise ReaderOptions.MaxRowBytes if the row is genuine");
    }

    [Fact]
    public void Reads_a_crlf_row_of_exactly_the_row_limit_when_a_read_stops_between_its_cr_and_lf()
    {
        // 1,024 bytes of row, then CR in the first read and LF in the second: the CR is no part of the row.
        var row = "{\"doi\":\"1703.04933\",\"chunk-id\":2,\"chunk\":\"" + new string('x', 980) + "\"}";
        row.Length.Should().Be(1024);
        var stream = new ConcatenatedStream(new MemoryStream(Encoding.UTF8.GetBytes(row + "\r")), new MemoryStream(Encoding.UTF8.GetBytes("\n" + Good)));
        using var reader = new JsonlChunkReader(stream, new ReaderOptions { SourceName = "limit.jsonl", MaxRowBytes = 1024 });

        var rows = reader.ReadAll().Select(r => r.ChunkId).ToList();

        rows.Should().Equal(2L, 1L);
    }

    [Fact]
    public void Skip_and_report_keeps_every_good_row_and_every_error()
    {
        var text = Good + "not json\n" + Good + "{\"doi\":1,\"chunk-id\":0,\"chunk\":\"x\"}\n" + Good + "{\"doi\":\"1\",\"chunk-id\":0}\n";
        using var reader = Open(text, ErrorPolicy.SkipAndReport);

        var rows = reader.ReadAll().ToList();

        rows.Should().HaveCount(3);
        reader.ErrorCount.Should().Be(3);
        reader.Errors.Select(e => (e.Line, e.Field)).Should().Equal((2L, (string?)null), (4L, "doi"), (6L, "chunk"));
        reader.Errors[1].Message.Should().Be("corpus.jsonl:4:8: field \"doi\": expected a string, found 1");
    }

    [Fact]
    public void Rejects_a_gz_name_whose_content_is_not_gzip()
    {
        using var temp = new TempDirectory();
        var path = temp.File("x.jsonl.gz");
        File.WriteAllText(path, Good);

        var act = () => new JsonlChunkReader(path);

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage($"{path}: expected gzip data (magic 1F 8B) as the extension says, found 7B 22 64 6F");
    }

    [Fact]
    public void Reports_a_truncated_gzip_file_instead_of_ending_quietly()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cut.jsonl.gz");
        using (var memory = new MemoryStream())
        {
            using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(File.ReadAllBytes(SampleFiles.Chunks000));
            }

            File.WriteAllBytes(path, memory.ToArray()[..(int)(memory.Length / 2)]);
        }

        using var reader = new JsonlChunkReader(path);
        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().StartWith($"{path}:");
    }
}
