using FluentAssertions;
using ParquetSharp;
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

    [Theory]
    [InlineData(ErrorPolicy.SkipAndReport, null)]
    [InlineData(ErrorPolicy.FailFast, null)]
    [InlineData(ErrorPolicy.SkipAndReport, "0/2")]
    [InlineData(ErrorPolicy.FailFast, "1/3")]
    public async Task Two_readers_of_a_parquet_file_give_what_one_gives_rows_errors_and_order(ErrorPolicy policy, string? shard)
    {
        using var temp = new TempDirectory();
        // 40 row groups of 7 rows; rows 17 (row group 2, the even reader's) and 38 (row group 5, the odd reader's) are bad.
        var input = ParquetOfRowGroups(temp.File("groups.parquet"), groups: 40, rows: 7, badRows: [17, 38]);

        var one = await ConvertAsync(input, temp.File("one.jsonl"), policy, shard, threads: 1);
        var two = await ConvertAsync(input, temp.File("two.jsonl"), policy, shard, threads: 2);

        two.Should().Be(one);
        if (policy == ErrorPolicy.FailFast && shard is null)
        {
            one.Should().Be($"failed: {input}: field \"chunk-id\": row 17: expected a value, found null");
        }
        else if (shard is null)
        {
            one.Should().StartWith("278 rows; errors: ").And.Contain("row 17: expected a value").And.Contain("row 38: expected a value");
            File.ReadAllBytes(temp.File("two.jsonl")).Should().Equal(File.ReadAllBytes(temp.File("one.jsonl")));
        }
    }

    // The outcome of a conversion, as text to compare: rows and errors, or the error that stopped it.
    private static async Task<string> ConvertAsync(string input, string output, ErrorPolicy policy, string? shard, int threads)
    {
        var reader = new ReaderOptions
        {
            ErrorPolicy = policy,
            MaxDegreeOfParallelism = threads,
            Shard = shard is null ? null : PaperChunks.Records.PaperShard.Parse(shard),
        };
        try
        {
            var report = await PaperChunksConverter.ConvertAsync([input], output, new ConvertOptions { Reader = reader });
            return $"{report.Rows} rows; errors: {string.Join(" | ", report.Errors.Select(e => e.Message))}; {File.ReadAllText(output).Length} chars";
        }
        catch (PaperChunksFormatException e)
        {
            return $"failed: {e.Message}";
        }
    }

    // A chunk-row file as other tools write them (chunk-id a string of digits), many row groups, a paper per row
    // group, and at the bad rows a null chunk-id.
    private static string ParquetOfRowGroups(string path, int groups, int rows, int[] badRows)
    {
        var columns = new Column[] { new Column<string>("doi"), new Column<string?>("chunk-id"), new Column<string>("chunk") };
        using (var file = new ParquetFileWriter(path, columns))
        {
            for (var g = 0; g < groups; g++)
            {
                var numbers = Enumerable.Range((g * rows) + 1, rows).ToArray();
                using var rowGroup = file.AppendRowGroup();
                using (var doi = rowGroup.NextColumn().LogicalWriter<string>())
                {
                    doi.WriteBatch([.. numbers.Select(_ => $"2101.{g:D5}")]);
                }

                using (var id = rowGroup.NextColumn().LogicalWriter<string?>())
                {
                    id.WriteBatch([.. numbers.Select(n => badRows.Contains(n) ? null : (n % rows).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                }

                using (var chunk = rowGroup.NextColumn().LogicalWriter<string>())
                {
                    chunk.WriteBatch([.. numbers.Select(n => $"row {n} of the file")]);
                }
            }

            file.Close();
        }

        return path;
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
