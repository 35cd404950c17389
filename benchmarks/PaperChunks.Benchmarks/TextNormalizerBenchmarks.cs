using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PaperChunks.Text;

namespace PaperChunks.Benchmarks;

/// <summary>
/// Text normalizer throughput on one core. Clean: the chunks of samples/data/chunks-000.jsonl that come out
/// of a first normalization unchanged-able (repaired once, so no damage is left), concatenated to 8 M characters and
/// normalized as one string (the SearchValues scan) and chunk by chunk. Damaged: seed 001 as it is, cut
/// at line ends into chunk-sized pieces (~2.6 KB, its mean chunk length). Mojibake: the same pieces encoded as
/// UTF-8 and read back as Windows-1252, so every non-ASCII character is an encoding mix-up for the decoding
/// search (and, once decoded, seed 001's lossy damage again). MB/s = UTF-8 bytes of the input divided by the
/// mean time.
/// </summary>
[MemoryDiagnoser]
public class TextNormalizerBenchmarks
{
    private readonly TextNormalizer _normalizer = new();
    private string _cleanText = "";
    private List<string> _cleanChunks = [];
    private List<string> _damagedChunks = [];
    private List<string> _mojibakeChunks = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        foreach (var line in File.ReadLines(Path.Combine(root, "samples", "data", "chunks-000.jsonl")))
        {
            var chunk = JsonDocument.Parse(line).RootElement.GetProperty("chunk").GetString()!;
            var repaired = _normalizer.Normalize(chunk).Text;
            if (ReferenceEquals(_normalizer.Normalize(repaired).Text, repaired) && _normalizer.Normalize(repaired).Undecided.Count == 0)
                _cleanChunks.Add(repaired);
        }
        var clean = new StringBuilder();
        while (clean.Length < 8 << 20)
        {
            foreach (var chunk in _cleanChunks)
                clean.Append(chunk).Append('\n');
        }
        _cleanText = clean.ToString();

        var seed = Path.Combine(root, "tests", "PaperChunks.Tests", "Fixtures", "seeds", "001_cead62b47b6b98af.txt.zst");
        using var zstd = new ZstdSharp.DecompressionStream(File.OpenRead(seed));
        using var reader = new StreamReader(zstd, Encoding.UTF8);
        var piece = new StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            piece.Append(line).Append('\n');
            if (piece.Length >= 2600)
            {
                _damagedChunks.Add(piece.ToString());
                piece.Clear();
            }
        }
        if (piece.Length > 0)
            _damagedChunks.Add(piece.ToString());
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252);
        _mojibakeChunks = _damagedChunks.Select(c => windows1252.GetString(Encoding.UTF8.GetBytes(c))).ToList();
        Console.WriteLine($"// clean text {Encoding.UTF8.GetByteCount(_cleanText):N0} bytes ({_cleanChunks.Count} distinct clean chunks, {_cleanChunks.Sum(c => Encoding.UTF8.GetByteCount(c)):N0} bytes); damaged {_damagedChunks.Count} pieces, {DamagedBytes:N0} bytes; mojibake {MojibakeBytes:N0} bytes");
    }

    /// <summary>UTF-8 bytes per operation, for turning a mean time into MB/s.</summary>
    public long CleanTextBytes => Encoding.UTF8.GetByteCount(_cleanText);

    public long CleanChunkBytes => _cleanChunks.Sum(c => (long)Encoding.UTF8.GetByteCount(c));

    public long DamagedBytes => _damagedChunks.Sum(c => (long)Encoding.UTF8.GetByteCount(c));

    public long MojibakeBytes => _mojibakeChunks.Sum(c => (long)Encoding.UTF8.GetByteCount(c));

    [Benchmark]
    public int CleanTextWhole() => _normalizer.Normalize(_cleanText).Text.Length;

    [Benchmark]
    public int CleanChunks()
    {
        var total = 0;
        foreach (var chunk in _cleanChunks)
            total += _normalizer.Normalize(chunk).Text.Length;
        return total;
    }

    [Benchmark]
    public int DamagedSeed001Chunks()
    {
        var total = 0;
        foreach (var chunk in _damagedChunks)
            total += _normalizer.Normalize(chunk).Fixes.Count;
        return total;
    }

    [Benchmark]
    public int MojibakeSeed001Chunks()
    {
        var total = 0;
        foreach (var chunk in _mojibakeChunks)
            total += _normalizer.Normalize(chunk).Fixes.Count;
        return total;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PaperChunks.slnx")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
