using System.IO.Compression;
using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>Each resource limit of <see cref="ReaderOptions"/> is configurable, validated and fails with a message that names it.</summary>
public class LimitTests
{
    private const long BombSize = 1L << 30;

    private static readonly Lazy<byte[]> GzipBomb = new(() => Bomb(output => new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)));
    private static readonly Lazy<byte[]> ZstdBomb = new(() => Bomb(output => new ZstdSharp.CompressionStream(output, 3, leaveOpen: true)));

    [Fact]
    public void Rejects_a_gzip_bomb_of_one_gigabyte_of_zeros_with_the_ratio_limit()
    {
        using var reader = new JsonlChunkReader(new MemoryStream(GzipBomb.Value), new ReaderOptions { SourceName = "bomb.jsonl.gz" });

        var act = () => reader.ReadAll().ToList();

        GzipBomb.Value.Length.Should().BeLessThan(2 << 20, "the bomb is small on disk");
        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            "bomb.jsonl.gz: decompressed size exceeds 1000x the compressed size (* bytes from *); raise ReaderOptions.MaxDecompressionRatio if the file is genuine");
    }

    [Fact]
    public void Rejects_a_zstd_bomb_of_one_gigabyte_of_zeros_with_the_ratio_limit()
    {
        using var reader = new CsvChunkReader(new MemoryStream(ZstdBomb.Value), new ReaderOptions { SourceName = "bomb.csv.zst" });

        var act = () => reader.ReadAll().ToList();

        ZstdBomb.Value.Length.Should().BeLessThan(1 << 20, "the bomb is small on disk");
        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            "bomb.csv.zst: decompressed size exceeds 1000x the compressed size (* bytes from *); raise ReaderOptions.MaxDecompressionRatio if the file is genuine");
    }

    [Fact]
    public void Reads_ordinary_compressed_input_under_a_tight_ratio()
    {
        var jsonl = ReaderUnderTest.All.Single(r => r.Name == "jsonl.gz");

        var records = jsonl.ReadAll(new MemoryStream(jsonl.Fixture), new ReaderOptions { MaxDecompressionRatio = 20 }).ToList();

        records.Should().HaveCount(4);
    }

    [Fact]
    public void Rejects_a_jsonl_field_over_the_field_limit_with_its_name_and_row()
    {
        var text = "{\"doi\":\"1511.07289\",\"chunk-id\":0,\"chunk\":\"short\"}\n{\"doi\":\"1511.07289\",\"chunk-id\":1,\"chunk\":\"" + new string('x', 100) + "\"}\n";
        using var reader = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions { MaxFieldChars = 64, SourceName = "long.jsonl" });

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be("long.jsonl:2: field \"chunk\": expected at most 64 characters (ReaderOptions.MaxFieldChars), found 100");
    }

    [Fact]
    public void Rejects_a_csv_field_over_the_field_limit_with_its_name_and_line()
    {
        var text = "doi,chunk-id,chunk,title\n1511.07289,0,short,\"" + new string('t', 70) + "\"\n";
        using var reader = new CsvChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions { MaxFieldChars = 64 });

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be("<stream>:2: field \"title\": expected at most 64 characters (ReaderOptions.MaxFieldChars), found 70");
    }

    [Fact]
    public void Skips_a_parquet_row_over_the_field_limit_and_reports_its_row_number()
    {
        using var file = new MemoryStream();
        using (var writer = new ParquetChunkWriter(file))
        {
            writer.Write(new ChunkRecord { Doi = "1511.07289", ChunkId = 0, Chunk = "short" });
            writer.Write(new ChunkRecord { Doi = "1511.07289", ChunkId = 1, Chunk = "short", Authors = [new string('a', 40), new string('b', 40)] });
            writer.Write(new ChunkRecord { Doi = "1511.07289", ChunkId = 2, Chunk = "short" });
            writer.Complete();
        }

        using var reader = new ParquetChunkReader(new MemoryStream(file.ToArray()), new ReaderOptions { MaxFieldChars = 64, ErrorPolicy = ErrorPolicy.SkipAndReport });
        var records = reader.ReadAll().ToList();

        records.Select(r => r.ChunkId).Should().Equal(0, 2);
        reader.Errors.Single().Message.Should().Be("<stream>:2: field \"authors\": expected at most 64 characters (ReaderOptions.MaxFieldChars), found 80");
    }

    [Fact]
    public void Rejects_json_nested_deeper_than_the_configured_depth()
    {
        var text = "{\"doi\":\"1511.07289\",\"chunk-id\":0,\"chunk\":\"c\",\"extra\":[[[[[1]]]]]}\n";
        using var reader = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions { MaxJsonDepth = 4, SourceName = "deep.jsonl" });

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().StartWith("deep.jsonl:1:").And.Contain("The maximum configured depth of 4 has been exceeded");
    }

    [Theory]
    [InlineData(nameof(ReaderOptions.MaxRowBytes), "must be at least 1024 bytes")]
    [InlineData(nameof(ReaderOptions.MaxFieldChars), "must be at least 64 characters")]
    [InlineData(nameof(ReaderOptions.MaxDecompressionRatio), "must be at least 1")]
    [InlineData(nameof(ReaderOptions.MaxJsonDepth), "must be at least 4")]
    public void Rejects_a_limit_below_its_minimum_when_the_reader_is_created(string limit, string message)
    {
        var options = limit switch
        {
            nameof(ReaderOptions.MaxRowBytes) => new ReaderOptions { MaxRowBytes = 10 },
            nameof(ReaderOptions.MaxFieldChars) => new ReaderOptions { MaxFieldChars = 10 },
            nameof(ReaderOptions.MaxDecompressionRatio) => new ReaderOptions { MaxDecompressionRatio = 0 },
            _ => new ReaderOptions { MaxJsonDepth = 1 },
        };

        var act = () => new JsonlChunkReader(new MemoryStream(), options);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(limit);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.Message.Should().StartWith(message);
    }

    /// <summary>1 GB of zeros compressed from a repeated 1 MB buffer, so the gigabyte never exists in memory.</summary>
    private static byte[] Bomb(Func<Stream, Stream> compress)
    {
        var zeros = new byte[1 << 20];
        using var output = new MemoryStream();
        using (var stream = compress(output))
        {
            for (long written = 0; written < BombSize; written += zeros.Length)
            {
                stream.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
