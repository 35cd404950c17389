using BenchmarkDotNet.Attributes;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;

namespace PaperChunks.Benchmarks;

/// <summary>
/// In-process JSONL read and write throughput on the bundled seed rows, repeated to 24 MB in memory so
/// the disk is out of the picture. Whole-process 1 GB figures: benchmarks/scripts/jsonl-read.sh.
/// </summary>
[MemoryDiagnoser]
public class JsonlBenchmarks
{
    private byte[] _jsonl = [];
    private List<ChunkRecord> _records = [];

    [GlobalSetup]
    public void Setup()
    {
        var sample = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "samples", "data", "chunks-000.jsonl"));
        using var buffer = new MemoryStream();
        while (buffer.Length < 24 << 20)
        {
            buffer.Write(sample);
        }

        _jsonl = buffer.ToArray();
        using var reader = new JsonlChunkReader(new MemoryStream(_jsonl));
        _records = reader.ReadAll().ToList();
    }

    /// <summary>Bytes per operation, for turning the mean time into MB/s.</summary>
    public long Bytes => _jsonl.Length;

    [Benchmark]
    public long Read()
    {
        using var reader = new JsonlChunkReader(new MemoryStream(_jsonl));
        long total = 0;
        while (reader.Read() is { } record)
        {
            total += record.Chunk.Length;
        }

        return total;
    }

    [Benchmark]
    public long Write()
    {
        var output = new MemoryStream(_jsonl.Length);
        using var writer = new JsonlChunkWriter(output);
        foreach (var record in _records)
        {
            writer.Write(record);
        }

        writer.Complete();
        return output.Length;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PaperChunks.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
