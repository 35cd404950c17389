using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats;

public class ShardedReadingTests
{
    [Theory]
    [InlineData(0, new[] { "1703.04247" }, 44)]
    [InlineData(1, new[] { "1703.04908" }, 2)]
    [InlineData(2, new[] { "1703.03664", "1703.04933", "1703.05175" }, 54)]
    public void Reads_only_the_papers_of_its_shard(int index, string[] papers, int rows)
    {
        // Buckets of the seed papers for 3 shards: see Fixtures/sharding/paper-buckets.tsv; row counts per paper
        // counted with python's json module on samples/data/chunks-000.jsonl.
        var read = ReadAll(SampleFiles.Chunks000, new PaperShard(index, 3));

        read.Select(r => r.Doi).Distinct().Order(StringComparer.Ordinal).Should().Equal(papers);
        read.Should().HaveCount(rows);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Three_shards_together_read_every_row_once_in_the_single_runs_order(string format)
    {
        using var temp = new TempDirectory();
        var input = SampleIn(temp, format);
        var all = ReadAll(input, null);

        var union = Enumerable.Range(0, 3).SelectMany(k => ReadAll(input, new PaperShard(k, 3))).ToList();

        union.Should().HaveCount(100);
        union.OrderBy(r => r.Id, StringComparer.Ordinal).Should().Equal(all.OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_doi_spelled_any_way_JSON_allows_is_in_the_same_shard()
    {
        using var temp = new TempDirectory();
        var path = temp.File("spellings.jsonl");
        // 1703.04908 is in bucket 1 of 3 (Fixtures/sharding/paper-buckets.tsv). The first row takes the reader's quick
        // path (the doi read as bytes); an escape, whitespace or another first field take the JSON reader.
        File.WriteAllText(path, string.Join('\n',
            "{\"doi\":\"1703.04908\",\"chunk-id\":0,\"chunk\":\"a\"}",
            "{\"doi\":\"1703.0490\\u0038\",\"chunk-id\":1,\"chunk\":\"b\"}",
            "{ \"doi\" : \"1703.04908\", \"chunk-id\":2,\"chunk\":\"c\"}",
            "{\"chunk-id\":3,\"doi\":\"1703.04908\",\"chunk\":\"d\"}") + "\n");

        var shards = Enumerable.Range(0, 3).Select(k => ReadAll(path, new PaperShard(k, 3))).ToList();

        shards[0].Should().BeEmpty();
        shards[1].Select(r => (r.Doi, r.ChunkId)).Should().Equal(("1703.04908", 0L), ("1703.04908", 1L), ("1703.04908", 2L), ("1703.04908", 3L));
        shards[2].Should().BeEmpty();
    }

    [Fact]
    public void Reports_a_bad_row_of_a_known_paper_in_that_papers_shard_only()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        // 1703.04908 is in bucket 1 of 3; the second line has no readable doi, so bucket 0 reports it.
        File.WriteAllText(path, "{\"doi\":\"1703.04908\",\"chunk-id\":\"x\",\"chunk\":\"a\"}\n{\"chunk-id\":1,\"chunk\":\"b\"}\n");

        var errors = Enumerable.Range(0, 3).Select(k => ErrorsOf(path, new PaperShard(k, 3))).ToList();

        errors[0].Should().Equal("bad.jsonl:2:1: field \"doi\": missing; every chunk row needs doi, chunk-id and chunk");
        errors[1].Should().ContainSingle().Which.Should().StartWith("bad.jsonl:1:");
        errors[2].Should().BeEmpty();
    }

    private static string SampleIn(TempDirectory temp, string format)
    {
        if (format == "jsonl")
        {
            return SampleFiles.Chunks000;
        }

        var path = temp.File("chunks." + format);
        using (var reader = PaperChunksReader.OpenChunks(SampleFiles.Chunks000))
        using (RecordWriter<ChunkRecord> writer = format == "csv" ? new CsvChunkWriter(path) : new ParquetChunkWriter(path))
        {
            foreach (var record in reader.ReadAll())
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return path;
    }

    private static List<ChunkRecord> ReadAll(string path, PaperShard? shard)
    {
        using var reader = PaperChunksReader.OpenChunks(path, new ReaderOptions { Shard = shard });
        return reader.ReadAll().ToList();
    }

    private static List<string> ErrorsOf(string path, PaperShard shard)
    {
        using var reader = PaperChunksReader.OpenChunks(path, new ReaderOptions { Shard = shard, ErrorPolicy = ErrorPolicy.SkipAndReport, SourceName = "bad.jsonl" });
        reader.ReadAll().Should().BeEmpty();
        return reader.Errors.Select(e => e.Message).ToList();
    }
}
