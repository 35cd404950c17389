using System.Text;

namespace PaperChunks.Tests;

/// <summary>The four seed files, kept whole as zstd under Fixtures/seeds (see its README).</summary>
internal static class SeedFiles
{
    public const string ChunkLines = "000_2699f79427098fe3.txt";
    public const string ChunkTable = "001_cead62b47b6b98af.txt";
    public const string SciTldrLines = "003_808fc9e4c273956b.txt";
    public const string ShortScience = "004_431cd875c1dd433c.txt";

    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Path of the compressed fixture, e.g. <c>…/Fixtures/seeds/000_….txt.zst</c>.</summary>
    public static string PathOf(string seed) => Path.Combine(FixturesDirectory, "seeds", seed + ".zst");

    /// <summary>The seed's bytes, decompressed.</summary>
    public static byte[] Bytes(string seed)
    {
        using var file = File.OpenRead(PathOf(seed));
        using var zstd = new ZstdSharp.DecompressionStream(file);
        using var memory = new MemoryStream();
        zstd.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>The seed's text, decompressed.</summary>
    public static string Text(string seed) => Encoding.UTF8.GetString(Bytes(seed));

    /// <summary>Writes the decompressed seed to a plain file in <paramref name="directory"/> and returns its path.</summary>
    public static string WritePlain(string seed, string directory)
    {
        var path = Path.Combine(directory, seed);
        File.WriteAllBytes(path, Bytes(seed));
        return path;
    }
}
