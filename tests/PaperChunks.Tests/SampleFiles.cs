namespace PaperChunks.Tests;

/// <summary>The repository's bundled sample data (samples/data), linked into the test output.</summary>
internal static class SampleFiles
{
    /// <summary>The 100 rows of seed 000 as JSON Lines.</summary>
    public static string Chunks000 => Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", "chunks-000.jsonl");

    /// <summary>The 100 rows of seed 001 as JSON Lines.</summary>
    public static string Chunks001 => Path.Combine(AppContext.BaseDirectory, "Fixtures", "samples", "chunks-001.jsonl");
}
