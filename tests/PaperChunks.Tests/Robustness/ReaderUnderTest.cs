using System.IO.Compression;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Formats.ShortScience;
using PaperChunks.Formats.ViewerText;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// A reader and a small real fixture for it. The fuzz tests damage the fixture's bytes and insist the
/// reader either returns records or throws a located <see cref="PaperChunksFormatException"/>.
/// </summary>
internal sealed record ReaderUnderTest(string Name, byte[] Fixture, Func<Stream, ReaderOptions, IEnumerable<object>> ReadAll)
{
    /// <summary>Tight limits so that a mutation cannot make a reader allocate much.</summary>
    public static ReaderOptions Options(ErrorPolicy policy) => new()
    {
        ErrorPolicy = policy,
        MaxRowBytes = 256 * 1024,
        MaxDecompressionRatio = 100,
        SourceName = "fuzz",
    };

    public static IReadOnlyList<ReaderUnderTest> All { get; } = Build();

    public override string ToString() => Name;

    private static List<ReaderUnderTest> Build()
    {
        var jsonl = FirstLines(File.ReadAllBytes(SampleFiles.Chunks000), 4);
        return
        [
            new("jsonl", jsonl, (s, o) => Chunks(s, o)),
            new("jsonl.gz", Gzip(jsonl), (s, o) => Chunks(s, o)),
            new("jsonl.zst", Zstd(jsonl), (s, o) => Chunks(s, o)),
            // Viewer copies: the header and a few rows; the table keeps rows 11-12 of seed 001, which hold " | " inside cells.
            new("viewer-lines", FirstLines(SeedFiles.Bytes(SeedFiles.ChunkLines), 58 + (4 * 15)), (s, o) => Records(new ViewerChunkReader(s, o))),
            new("viewer-table", LinesBetween(SeedFiles.Bytes(SeedFiles.ChunkTable), 1, 45, 321, 407), (s, o) => Records(new ViewerChunkReader(s, o))),
            new("viewer-lines.zst", Zstd(FirstLines(SeedFiles.Bytes(SeedFiles.SciTldrLines), 14 + 4)), (s, o) => Records(new ViewerSummarizationReader(s, o))),
            new("csv", Written(jsonl, s => new CsvChunkWriter(s)), (s, o) => Records(new CsvChunkReader(s, o))),
            new("parquet", Written(jsonl, s => new ParquetChunkWriter(s)), (s, o) => Records(new ParquetChunkReader(s, o))),
            new("parquet-summarization", SummarizationParquet(), (s, o) => Records(new ParquetSummarizationReader(s, o))),
            new("shortscience", FirstLines(SeedFiles.Bytes(SeedFiles.ShortScience), 36), (s, o) => Records(new ShortScienceReader(s, o))),
        ];
    }

    /// <summary>The JSONL fixture's chunks written by one of our writers, so CSV and Parquet carry the same real rows.</summary>
    private static byte[] Written(byte[] jsonl, Func<Stream, RecordWriter<PaperChunks.Records.ChunkRecord>> open)
    {
        using var output = new MemoryStream();
        using (var writer = open(output))
        {
            foreach (var record in Chunks(new MemoryStream(jsonl), ReaderOptions.Default))
            {
                writer.Write((PaperChunks.Records.ChunkRecord)record);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    /// <summary>The first SciTLDR rows of seed 004 (viewer lines) as a summarization Parquet file.</summary>
    private static byte[] SummarizationParquet()
    {
        using var output = new MemoryStream();
        using (var writer = new ParquetSummarizationWriter(output))
        using (var reader = new ViewerSummarizationReader(new MemoryStream(FirstLines(SeedFiles.Bytes(SeedFiles.SciTldrLines), 14 + 4))))
        {
            foreach (var record in reader.ReadAll())
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    private static IEnumerable<object> Chunks(Stream stream, ReaderOptions options)
    {
        using var reader = new JsonlChunkReader(stream, options);
        foreach (var record in reader.ReadAll())
        {
            yield return record;
        }
    }

    private static IEnumerable<object> Records<T>(RecordReader<T> reader)
        where T : class
    {
        using (reader)
        {
            foreach (var record in reader.ReadAll())
            {
                yield return record;
            }
        }
    }

    /// <summary>Lines <paramref name="from1"/>..<paramref name="to1"/> and <paramref name="from2"/>..<paramref name="to2"/> (1-based, inclusive).</summary>
    private static byte[] LinesBetween(byte[] bytes, int from1, int to1, int from2, int to2)
    {
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        var kept = lines[(from1 - 1)..to1].Concat(lines[(from2 - 1)..to2]);
        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', kept) + "\n");
    }

    public static byte[] FirstLines(byte[] bytes, int lines)
    {
        var end = 0;
        for (var i = 0; i < lines; i++)
        {
            end = Array.IndexOf(bytes, (byte)'\n', end) + 1;
        }

        return bytes[..end];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Zstd(byte[] bytes)
    {
        using var compressor = new ZstdSharp.Compressor(3);
        return compressor.Wrap(bytes).ToArray();
    }
}
