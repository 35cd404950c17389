using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests;

public class SeedFilesTests
{
    [Theory]
    [InlineData(SeedFiles.ChunkLines, 226862)]
    [InlineData(SeedFiles.ChunkTable, 261021)]
    [InlineData(SeedFiles.SciTldrLines, 3107754)]
    [InlineData(SeedFiles.ShortScience, 35502)]
    public void Fixtures_hold_the_whole_seed_files(string seed, int size)
    {
        SeedFiles.Bytes(seed).Should().HaveCount(size);
    }
}
