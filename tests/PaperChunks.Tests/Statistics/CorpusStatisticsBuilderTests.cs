using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Statistics;
using Xunit;

namespace PaperChunks.Tests.Statistics;

public class CorpusStatisticsBuilderTests
{
    [Fact]
    public void Reports_the_gaps_the_seed_readme_lists()
    {
        var stats = Build(SampleFiles.Chunks000);

        stats.Rows.Should().Be(100);
        stats.Papers.Should().Be(5);
        stats.MissingChunkIds.Should().Be(3);
        stats.MissingByPaper.Should().BeEquivalentTo(new[]
        {
            new PaperChunkIds("1703.04933", [61]),
            new PaperChunkIds("1703.05175", [45, 46]),
        }, o => o.WithStrictOrdering());
        stats.DuplicateRows.Should().Be(0);
    }

    [Fact]
    public void Counts_nulls_per_column_as_in_the_seed()
    {
        var stats = Build(SampleFiles.Chunks000);

        // Seed 000 (counted with awk on the seed): journal_ref is null on all 100 rows, comment on 76.
        stats.NullsPerColumn[ChunkColumns.JournalRef].Should().Be(100);
        stats.NullsPerColumn[ChunkColumns.Comment].Should().Be(76);
        stats.NullsPerColumn[ChunkColumns.Doi].Should().Be(0);
    }

    [Fact]
    public void Gives_exact_quantiles_and_counts_duplicates()
    {
        var builder = new CorpusStatisticsBuilder();
        foreach (var (id, length) in new[] { (0, 10), (1, 20), (2, 30), (2, 30), (5, 40) })
        {
            builder.Add(new ChunkRecord { Doi = "p", ChunkId = id, Chunk = new string('x', length) });
        }

        var stats = builder.Build();

        stats.ChunkLength.Should().Be(new Distribution(5, 10, 30, 26, 40, 40));
        stats.ChunksPerPaper.Should().Be(new Distribution(1, 4, 4, 4, 4, 4));
        stats.DuplicateRows.Should().Be(1);
        stats.DuplicatesByPaper.Should().ContainSingle().Which.ChunkIds.Should().Equal(2L);
        stats.MissingByPaper.Should().ContainSingle().Which.ChunkIds.Should().Equal(3L, 4L);
    }

    private static CorpusStatistics Build(string path)
    {
        var builder = new CorpusStatisticsBuilder();
        using var reader = new JsonlChunkReader(path);
        foreach (var record in reader.ReadAll())
        {
            builder.Add(record);
        }

        return builder.Build();
    }
}
