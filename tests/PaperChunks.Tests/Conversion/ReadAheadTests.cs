using FluentAssertions;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Conversion;

public class ReadAheadTests
{
    // 30 copies of the 100-row sample: 3,000 rows, a dozen batches of the read-ahead.
    private const int Copies = 30;

    [Fact]
    public async Task Gives_every_record_with_its_line_in_input_order_as_reading_in_place_does()
    {
        using var temp = new TempDirectory();
        var input = Repeated(temp, damagedLine: null);

        var inPlace = await ReadAllAsync(input, onAnotherThread: false);
        var ahead = await ReadAllAsync(input, onAnotherThread: true);

        inPlace.Records.Should().HaveCount(100 * Copies);
        inPlace.Failure.Should().BeNull();
        ahead.Failure.Should().BeNull();
        ahead.Records.Select(r => r.Line).Should().Equal(Enumerable.Range(1, 100 * Copies).Select(i => (long)i));
        ahead.Records.Select(r => (r.Record.Id, r.Record.Chunk, r.Line)).Should().Equal(inPlace.Records.Select(r => (r.Record.Id, r.Record.Chunk, r.Line)));
    }

    [Fact]
    public async Task Throws_a_fail_fast_error_after_exactly_the_records_before_its_row()
    {
        using var temp = new TempDirectory();
        var input = Repeated(temp, damagedLine: 2_000);

        var ahead = await ReadAllAsync(input, onAnotherThread: true);

        ahead.Records.Should().HaveCount(1_999);
        ahead.Records[^1].Line.Should().Be(1_999);
        ahead.Failure.Should().BeOfType<PaperChunksFormatException>();
        ahead.Failure!.Message.Should().Be($"{input}:2000:32: field \"chunk-id\": expected an integer, found \"x\"");
        (await ReadAllAsync(input, onAnotherThread: false)).Failure!.Message.Should().Be(ahead.Failure.Message);
    }

    [Fact]
    public async Task Stops_reading_ahead_when_disposed_before_the_end()
    {
        using var temp = new TempDirectory();
        var input = Repeated(temp, damagedLine: null);
        using var reader = Open(input);

        await using (var ahead = ReadAhead<ChunkRecord>.Start(reader, onAnotherThread: true, CancellationToken.None))
        {
            for (var i = 0; i < 10; i++)
            {
                (await ahead.ReadAsync(CancellationToken.None)).Should().BeTrue();
            }
        }

        // At most the batches in the channel, the one being filled and the one taken: 6 of 256.
        reader.RecordsRead.Should().BeInRange(10, 10 + (6 * 256));
        reader.RecordsRead.Should().BeLessThan(100 * Copies);
    }

    private static string Repeated(TempDirectory temp, int? damagedLine)
    {
        var lines = Enumerable.Repeat(File.ReadAllLines(SampleFiles.Chunks000), Copies).SelectMany(l => l).ToArray();
        if (damagedLine is { } n)
        {
            lines[n - 1] = lines[n - 1].Replace("\"chunk-id\":", "\"chunk-id\":\"x\",\"was\":", StringComparison.Ordinal);
        }

        var path = temp.File("repeated.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    // One thread for the reader itself, so that the read-ahead is the only other thread.
    private static JsonlChunkReader Open(string path) => new(path, new ReaderOptions { MaxDegreeOfParallelism = 1 });

    private static async Task<(List<(ChunkRecord Record, long Line)> Records, Exception? Failure)> ReadAllAsync(string path, bool onAnotherThread)
    {
        var records = new List<(ChunkRecord, long)>();
        using var reader = Open(path);
        await using var ahead = ReadAhead<ChunkRecord>.Start(reader, onAnotherThread, CancellationToken.None);
        try
        {
            while (await ahead.ReadAsync(CancellationToken.None))
            {
                records.Add((ahead.Current, ahead.CurrentLine));
            }
        }
        catch (PaperChunksFormatException e)
        {
            return (records, e);
        }

        return (records, null);
    }
}
