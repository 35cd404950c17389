using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

public class ParquetPaperSummaryTests
{
    [Fact]
    public void Round_trips_the_ShortScience_seed_entries()
    {
        List<PaperSummaryRecord> entries;
        using (var source = PaperChunksReader.OpenPaperSummaries(SeedFiles.PathOf(SeedFiles.ShortScience)))
        {
            entries = source.ReadAll().ToList();
        }

        using var file = new MemoryStream();
        using (var writer = new ParquetPaperSummaryWriter(file, new ParquetWriterOptions { RowGroupRows = 4 }))
        {
            foreach (var entry in entries)
            {
                writer.Write(entry);
            }

            writer.Complete();
        }

        file.Position = 0;
        using var reader = new ParquetPaperSummaryReader(file);
        var back = reader.ReadAll().ToList();

        back.Should().Equal(entries);
        back.Should().HaveCount(10);
        // Seed 004's first entry: "Trust Region Policy Optimization", "arXiv e-Print archive - 2015 via Local Bibsonomy".
        back[0].Title.Should().Be("Trust Region Policy Optimization");
        back[0].Venue.Should().Be("arXiv e-Print archive");
        back[0].Year.Should().Be(2015);
        back[0].Authors[0].Should().Be("Schulman, John");
        back.Should().Contain(e => e.FirstPublished == new DateOnly(2015, 11, 24));
    }
}
