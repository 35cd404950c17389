using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

/// <summary>
/// Chunk rows parsed in blocks on several threads (<see cref="ReaderOptions.MaxDegreeOfParallelism"/>) come
/// out exactly as one thread reads them: the same records in the same order, the same errors at the same
/// lines, the same schema variant learnt at the same row. The inputs are the sample rows repeated to several
/// 1 MB blocks, with damage placed in blocks that worker threads parse.
/// </summary>
public class JsonlParallelParsingTests
{
    private static readonly string[] SampleLines = File.ReadAllLines(SampleFiles.Chunks000);

    // About 7 MB: seven blocks or more, so all but the first are parsed off the caller's thread.
    private static List<string> Rows(int copies = 30)
    {
        var rows = new List<string>();
        for (var copy = 0; copy < copies; copy++)
        {
            rows.AddRange(SampleLines.Select(line => line.Replace("\"doi\":\"", $"\"doi\":\"{copy}.", StringComparison.Ordinal)));
        }

        return rows;
    }

    private static List<string> DamagedRows()
    {
        var rows = Rows();
        rows[1500] = rows[1500].Replace("\"doi\":", "\"doj\":", StringComparison.Ordinal);   // no doi
        rows[1800] = rows[1800][..(rows[1800].Length / 2)] + "\u0001" + rows[1800][(rows[1800].Length / 2)..];   // control character in a string
        rows[2000] = "";                                                                        // blank: skipped, not an error
        rows[2200] = rows[2200].Replace("\"chunk-id\":", "\"chunk-id\":\"7\",\"x\":", StringComparison.Ordinal);   // the other chunk-id variant
        rows[2500] = "{\"doi\":\"9.9\",\"chunk-id\":1,\"chunk\":\"" + new string('a', 70_000) + "\"}";            // over the row limit
        rows[2900] = rows[2900][..200];                                                         // cut row
        return rows;
    }

    private static byte[] Bytes(IEnumerable<string> rows, bool finalNewline = true) =>
        Encoding.UTF8.GetBytes(string.Join("\n", rows) + (finalNewline ? "\n" : ""));

    private static ReaderOptions Options(int threads, ErrorPolicy policy, PaperShard? shard = null) => new()
    {
        SourceName = "p.jsonl",
        ErrorPolicy = policy,
        MaxRowBytes = 64 * 1024,
        MaxDegreeOfParallelism = threads,
        Shard = shard,
    };

    private sealed record Outcome(List<string> Records, List<long> Lines, List<ChunkSchema> Schemas, List<string> Errors, string? Failure);

    private static Outcome Read(byte[] input, ReaderOptions options)
    {
        var records = new List<string>();
        var lines = new List<long>();
        var schemas = new List<ChunkSchema>();
        using var reader = new JsonlChunkReader(new MemoryStream(input), options);
        try
        {
            while (reader.Read() is { } record)
            {
                records.Add($"{record.Doi}#{record.ChunkId}:{record.Chunk.Length}:{string.Join("|", record.Authors)}");
                lines.Add(reader.CurrentLine);
                schemas.Add(record.Schema);
            }
        }
        catch (PaperChunksFormatException e)
        {
            return new(records, lines, schemas, [.. reader.Errors.Select(x => x.Message)], e.Message);
        }

        return new(records, lines, schemas, [.. reader.Errors.Select(x => x.Message)], null);
    }

    private static async Task<Outcome> ReadAsync(byte[] input, ReaderOptions options)
    {
        var records = new List<string>();
        var lines = new List<long>();
        var schemas = new List<ChunkSchema>();
        await using var reader = new JsonlChunkReader(new MemoryStream(input), options);
        await foreach (var record in reader.ReadAllAsync())
        {
            records.Add($"{record.Doi}#{record.ChunkId}:{record.Chunk.Length}:{string.Join("|", record.Authors)}");
            lines.Add(reader.CurrentLine);
            schemas.Add(record.Schema);
        }

        return new(records, lines, schemas, [.. reader.Errors.Select(x => x.Message)], null);
    }

    [Fact]
    public void Skips_and_reports_the_same_bad_rows_at_the_same_lines_as_one_thread()
    {
        var input = Bytes(DamagedRows());

        var sequential = Read(input, Options(1, ErrorPolicy.SkipAndReport));
        var parallel = Read(input, Options(4, ErrorPolicy.SkipAndReport));

        sequential.Records.Should().HaveCount(3000 - 6);
        sequential.Errors.Should().Equal(
            "p.jsonl:1501:1: field \"doi\": missing; every chunk row needs doi, chunk-id and chunk",
            "p.jsonl:1801:1332: invalid JSON: '0x01' is invalid within a JSON string. The string should be correctly escaped",
            "p.jsonl:2201:35: field \"chunk-id\": expected an integer as in the rows before (a file holds one variant), found a string of digits",
            "p.jsonl:2501: the line is longer than the 65,536-byte row limit; raise ReaderOptions.MaxRowBytes if the row is genuine",
            "p.jsonl:2901:201: the row ends before its JSON object is complete (truncated line?)");
        parallel.Should().BeEquivalentTo(sequential, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Stops_at_the_first_bad_row_in_input_order_as_one_thread_does()
    {
        var input = Bytes(DamagedRows());

        var sequential = Read(input, Options(1, ErrorPolicy.FailFast));
        var parallel = Read(input, Options(3, ErrorPolicy.FailFast));

        sequential.Failure.Should().Be("p.jsonl:1501:1: field \"doi\": missing; every chunk row needs doi, chunk-id and chunk");
        sequential.Records.Should().HaveCount(1500);
        parallel.Should().BeEquivalentTo(sequential, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Learns_a_variant_first_seen_in_a_later_block_at_the_same_row()
    {
        // No authors in the first 2,000 rows, then comma-joined authors: the variant is learnt at row 2,001,
        // in a block a worker thread parses, and row 2,601's list of authors is then the file mixing variants.
        var rows = Rows().Select((row, i) =>
        {
            var node = JsonNode.Parse(row)!.AsObject();
            var list = node["authors"]!.AsArray();
            var authors = string.Join(", ", list.Select(a => a!.GetValue<string>()));
            node.Remove("authors");
            if (i >= 2000)
            {
                node["authors"] = i == 2600 ? list : authors;
            }

            return node.ToJsonString();
        }).ToList();
        var input = Bytes(rows, finalNewline: false);

        var sequential = Read(input, Options(1, ErrorPolicy.SkipAndReport));
        var parallel = Read(input, Options(4, ErrorPolicy.SkipAndReport));

        sequential.Errors.Should().ContainSingle().Which.Should().StartWith("p.jsonl:2601:").And.Contain(
            "field \"authors\": expected one comma-separated string as in the rows before (a file holds one variant), found a list of strings");
        sequential.Schemas[1999].Authors.Should().Be(ChunkColumnType.StringList);
        sequential.Schemas[2000].Authors.Should().Be(ChunkColumnType.CommaSeparatedString);
        parallel.Should().BeEquivalentTo(sequential, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Reads_one_shards_rows_and_reports_its_bad_rows_as_one_thread_does()
    {
        var input = Bytes(DamagedRows());
        var shard = PaperShard.Parse("1/3", _ => null);

        var sequential = Read(input, Options(1, ErrorPolicy.SkipAndReport, shard));
        var parallel = Read(input, Options(2, ErrorPolicy.SkipAndReport, shard));

        sequential.Records.Should().NotBeEmpty().And.HaveCountLessThan(2000);
        parallel.Should().BeEquivalentTo(sequential, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Reads_the_same_asynchronously()
    {
        var input = Bytes(DamagedRows());

        var sequential = Read(input, Options(1, ErrorPolicy.SkipAndReport));
        var parallel = await ReadAsync(input, Options(4, ErrorPolicy.SkipAndReport));

        parallel.Should().BeEquivalentTo(sequential, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Closing_the_reader_midway_waits_for_the_blocks_in_flight()
    {
        using (var reader = new JsonlChunkReader(new MemoryStream(Bytes(Rows())), Options(4, ErrorPolicy.FailFast)))
        {
            reader.Read().Should().NotBeNull();
        }

        Read(Bytes(Rows()), Options(4, ErrorPolicy.FailFast)).Records.Should().HaveCount(3000);
    }
}
