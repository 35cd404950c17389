using System.IO.Compression;
using PaperChunks.Formats.Jsonl;

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
        ];
    }

    private static IEnumerable<object> Chunks(Stream stream, ReaderOptions options)
    {
        using var reader = new JsonlChunkReader(stream, options);
        foreach (var record in reader.ReadAll())
        {
            yield return record;
        }
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
