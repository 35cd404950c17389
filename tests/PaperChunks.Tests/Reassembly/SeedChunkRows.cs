using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;

namespace PaperChunks.Tests.Reassembly;

/// <summary>The chunk rows of seeds 000 (viewer lines) and 001 (pipe table), read by the library's viewer reader.</summary>
internal static class SeedChunkRows
{
    public static IReadOnlyList<ChunkRecord> ViewerLines() => Read(SeedFiles.ChunkLines, ViewerLayout.Lines);

    public static IReadOnlyList<ChunkRecord> PipeTable() => Read(SeedFiles.ChunkTable, ViewerLayout.Table);

    private static List<ChunkRecord> Read(string seed, ViewerLayout layout)
    {
        using var stream = new MemoryStream(SeedFiles.Bytes(seed));
        using var reader = new ViewerChunkReader(stream, new ReaderOptions { SourceName = seed }, layout);
        return reader.ReadAll().ToList();
    }
}
