using System.Text;
using CsCheck;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

/// <summary>A plain file is read through a memory mapping; a stream of the same bytes through a buffer. They agree.</summary>
public class JsonlMappedReadingTests
{
    private const string Good = "{\"doi\":\"1703.04933\",\"chunk-id\":1,\"chunk\":\"a\"}\n";

    [Fact]
    public void A_plain_file_is_read_through_a_mapping_and_a_stream_through_a_buffer()
    {
        using var file = File.OpenRead(SampleFiles.Chunks000);
        using var mapped = JsonlLineSource.Over(file, 1 << 20);
        using var buffered = JsonlLineSource.Over(new MemoryStream(File.ReadAllBytes(SampleFiles.Chunks000)), 1 << 20);

        mapped.Should().BeOfType<JsonlMappedLineSource>();
        buffered.Should().BeOfType<JsonlStreamLineSource>();
    }

    [Fact]
    public void Reads_the_same_records_from_the_file_as_from_its_bytes_in_a_stream()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bom-crlf.jsonl");
        // A BOM, CRLF line ends, a blank line and no line end after the last row.
        var text = File.ReadAllText(SampleFiles.Chunks000).TrimEnd('\n').Replace("\n", "\r\n").Insert(0, "\uFEFF") + "\r\n\r\n" + Good.TrimEnd('\n');
        File.WriteAllText(path, text, new UTF8Encoding(false));

        var fromFile = ReadAll(new JsonlChunkReader(path), out var fileLines);
        var fromStream = ReadAll(new JsonlChunkReader(new MemoryStream(File.ReadAllBytes(path))), out var streamLines);

        fromFile.Should().HaveCount(101);
        fromFile[0].Doi.Should().Be("1703.04933");
        fromFile[0].ChunkId.Should().Be(40);
        fromFile[^1].Should().BeEquivalentTo(new { Doi = "1703.04933", ChunkId = 1L, Chunk = "a" });
        fromFile.Should().Equal(fromStream);
        fileLines.Should().Equal(streamLines);
        fileLines[^1].Should().Be(102);
    }

    [Fact]
    public void Says_the_file_ends_inside_a_truncated_last_row()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cut.jsonl");
        File.WriteAllText(path, Good + "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"abc");
        using var reader = new JsonlChunkReader(path, new ReaderOptions { SourceName = "corpus.jsonl" });

        reader.Read().Should().NotBeNull();
        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("corpus.jsonl:2:37: the row ends before its JSON object is complete (truncated line?); the file ends in the middle of this row");
    }

    [Fact]
    public void Names_file_line_column_and_field_of_a_bad_row_in_a_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        File.WriteAllText(path, Good + "{\"doi\":\"1703.04933\",\"chunk-id\":\"12a\",\"chunk\":\"x\"}\n");
        using var reader = new JsonlChunkReader(path);

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage(path + ":2:32: field \"chunk-id\": expected an integer, found \"12a\"")
            .Which.Should().BeEquivalentTo(new { Line = 2L, Column = 32L, Field = "chunk-id", SourceName = path });
    }

    [Fact]
    public void Skips_a_line_over_the_row_limit_and_reads_on_at_the_right_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("long.jsonl");
        var longRow = "{\"doi\":\"1703.04933\",\"chunk-id\":2,\"chunk\":\"" + new string('x', 2000) + "\"}\n";
        File.WriteAllText(path, Good + longRow + Good.Replace(":1,", ":3,"));
        using var reader = new JsonlChunkReader(path, new ReaderOptions { SourceName = "corpus.jsonl", MaxRowBytes = 1024, ErrorPolicy = ErrorPolicy.SkipAndReport });

        var read = reader.ReadAll().Select(r => (r.ChunkId, reader.CurrentLine)).ToList();

        read.Should().Equal((1, 1L), (3, 3L));
        reader.Errors.Select(e => e.Message).Should().Equal(
            "corpus.jsonl:2: the line is longer than the 1,024-byte row limit; raise ReaderOptions.MaxRowBytes if the row is genuine");
    }

    [Fact]
    public void Reads_an_empty_file_as_no_records()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.jsonl");
        File.WriteAllBytes(path, []);
        using var reader = new JsonlChunkReader(path);

        reader.ReadAll().Should().BeEmpty();
    }

    [Fact]
    public async Task Stops_reading_a_mapped_file_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        await using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
        (await reader.ReadAsync(cancel.Token)).Should().NotBeNull();
        await cancel.CancelAsync();

        var act = async () => await reader.ReadAsync(cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_shard_of_a_mapped_file_reads_the_single_runs_rows_of_its_papers(int index)
    {
        var single = ReadAll(new JsonlChunkReader(SampleFiles.Chunks000), out _);
        await using var reader = new JsonlChunkReader(SampleFiles.Chunks000, new ReaderOptions { Shard = new PaperShard(index, 3) });

        var shard = await reader.ReadAllAsync().ToListAsync();

        shard.Should().NotBeEmpty().And.Equal(single.Where(r => PaperShard.BucketOf(r.Doi, 3) == index));
    }

    [Fact]
    public void Splits_lines_across_small_windows_as_the_stream_source_does()
    {
        // Lines of random lengths and endings, some past the row limit, cut into windows of a few bytes.
        var line = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 2].Select(i => new[] { "\n", "\r\n", "\r" }[i]), (n, end) => new string('a', n) + end);
        Gen.Select(line.Array[0, 12], Gen.Bool, Gen.Int[3, 50], Gen.Int[5, 30]).Sample((lines, bom, window, maxRow) =>
        {
            var bytes = Encoding.UTF8.GetBytes((bom ? "\uFEFF" : "") + string.Concat(lines));
            using var temp = new TempDirectory();
            var path = temp.File("lines.jsonl");
            File.WriteAllBytes(path, bytes);
            using var file = File.OpenHandle(path);
            using var mapped = JsonlMappedLineSource.TryMap(file, 0, bytes.Length, maxRow, atFileStart: true, window);
            using var buffered = new JsonlStreamLineSource(new MemoryStream(bytes), maxRow);

            if (mapped is null)
            {
                bytes.Should().BeEmpty();
                buffered.Next().Should().Be(JsonlLineSource.Outcome.End);
                return;
            }

            string.Join(" | ", Lines(mapped)).Should().Be(string.Join(" | ", Lines(buffered)), $"window {window}, row limit {maxRow}");
        }, iter: 300);
    }

    private static List<(JsonlLineSource.Outcome, string, long, long)> Lines(JsonlLineSource source)
    {
        var lines = new List<(JsonlLineSource.Outcome, string, long, long)>();
        JsonlLineSource.Outcome outcome;
        while ((outcome = source.Next()) != JsonlLineSource.Outcome.End)
        {
            lines.Add((outcome, Encoding.UTF8.GetString(source.Line), source.LineNumber, source.BytesConsumed));
        }

        lines.Add((outcome, "", source.LineNumber, source.BytesConsumed));
        return lines;
    }

    private static List<ChunkRecord> ReadAll(JsonlChunkReader reader, out List<long> lines)
    {
        using (reader)
        {
            var records = new List<ChunkRecord>();
            lines = [];
            while (reader.Read() is { } record)
            {
                records.Add(record);
                lines.Add(reader.CurrentLine);
            }

            return records;
        }
    }
}
