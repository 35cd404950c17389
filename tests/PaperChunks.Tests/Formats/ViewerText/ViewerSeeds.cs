using System.Text;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;

namespace PaperChunks.Tests.Formats.ViewerText;

/// <summary>Reading the viewer seeds whole, and hand-made variants of them from memory.</summary>
internal static class ViewerSeeds
{
    public static List<ChunkRecord> Chunks(string seed)
    {
        using var reader = new ViewerChunkReader(SeedFiles.PathOf(seed));
        return reader.ReadAll().ToList();
    }

    public static ViewerChunkReader ChunkReader(string text, ErrorPolicy policy = ErrorPolicy.FailFast, string name = "seed.txt") =>
        new(Stream(text), Options(policy, name));

    public static ReaderOptions Options(ErrorPolicy policy, string name) => new() { ErrorPolicy = policy, SourceName = name };

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>The seed's lines (LF-separated; the seeds have no CR).</summary>
    public static string[] Lines(string seed) => SeedFiles.Text(seed).Split('\n');
}
