using FluentAssertions;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.ViewerText;

/// <summary>Seed 000: chunk rows, one line per cell.</summary>
public class ViewerChunkReaderLinesTests
{
    private const string Ids000 =
        "1703.04933#40 1703.05175#40 1703.04908#41 1703.04933#41 1703.05175#41 1703.04908#42 1703.04933#42 1703.05175#42 1703.04933#43 1703.05175#43 "
        + "1703.04933#44 1703.05175#44 1703.04933#45 1703.04933#46 1703.04933#47 1703.05175#47 1703.04933#48 1703.04933#49 1703.04933#50 1703.04933#51 "
        + "1703.04933#52 1703.04933#53 1703.04933#54 1703.04933#55 1703.04933#56 1703.04933#57 1703.04933#58 1703.04933#59 1703.04933#60 1703.04933#62 "
        + "1703.04933#63 1703.04933#64 1703.04247#0 1703.04247#1 1703.04247#2 1703.04247#3 1703.04247#4 1703.04247#5 1703.04247#6 1703.04247#7 "
        + "1703.04247#8 1703.04247#9 1703.04247#10 1703.04247#11 1703.04247#12 1703.04247#13 1703.04247#14 1703.04247#15 1703.04247#16 1703.04247#17 "
        + "1703.04247#18 1703.04247#19 1703.04247#20 1703.04247#21 1703.04247#22 1703.04247#23 1703.04247#24 1703.04247#25 1703.04247#26 1703.04247#27 "
        + "1703.04247#28 1703.04247#29 1703.04247#30 1703.04247#31 1703.04247#32 1703.04247#33 1703.04247#34 1703.04247#35 1703.04247#36 1703.04247#37 "
        + "1703.04247#38 1703.04247#39 1703.04247#40 1703.04247#41 1703.04247#42 1703.04247#43 1703.03664#0 1703.03664#1 1703.03664#2 1703.03664#3 "
        + "1703.03664#4 1703.03664#5 1703.03664#6 1703.03664#7 1703.03664#8 1703.03664#9 1703.03664#10 1703.03664#11 1703.03664#12 1703.03664#13 "
        + "1703.03664#14 1703.03664#15 1703.03664#16 1703.03664#17 1703.03664#18 1703.03664#19 1703.03664#20 1703.03664#21 1703.03664#22 1703.03664#23";

    [Fact]
    public void Reads_all_100_rows_of_five_papers_in_file_order()
    {
        var rows = ViewerSeeds.Chunks(SeedFiles.ChunkLines);

        rows.Select(r => r.Id).Should().Equal(Ids000.Split(' '));
        rows.Select(r => r.Doi).Distinct().Should().Equal("1703.04933", "1703.05175", "1703.04908", "1703.04247", "1703.03664");
        rows.Should().OnlyContain(r => r.Id == r.Doi + "#" + r.ChunkId);
    }

    [Fact]
    public void Reads_the_header_columns_with_their_types_and_statistics()
    {
        using var reader = new ViewerChunkReader(SeedFiles.PathOf(SeedFiles.ChunkLines));
        reader.Read();

        reader.Layout.Should().Be(ViewerLayout.Lines);
        reader.Columns!.Select(c => c.Name).Should().Equal(ChunkColumns.All);
        reader.Columns![1].Should().Be(new ViewerColumn("chunk-id", "int64", "0", "936", false));
        reader.Columns![2].Should().Be(new ViewerColumn("chunk", "stringlengths", "401", "2.02k", false));
        reader.Columns![2].MaxValue.Should().Be(2020);
        reader.Columns![0].ExactLength.Should().Be(10);
        reader.Columns![14].Should().Be(new ViewerColumn("references", "list", null, null, false));
    }

    [Fact]
    public void Reads_the_first_row_field_by_field()
    {
        var row = ViewerSeeds.Chunks(SeedFiles.ChunkLines)[0];

        row.Doi.Should().Be("1703.04933");
        row.ChunkId.Should().Be(40);
        row.Chunk.Should().StartWith("(c) Loss function with another reparametrization Figure 5: A")
            .And.EndWith("ing the scale s and the unnormalized weight v 4 0.").And.HaveLength(857);
        row.Id.Should().Be("1703.04933#40");
        row.Title.Should().Be("Sharp Minima Can Generalize For Deep Nets");
        row.Summary.Should().StartWith("Despite their overwhelming capacity to overfit, deep learnin")
            .And.EndWith("y without affecting its generalization properties.").And.HaveLength(1044);
        row.Source.Should().Be("http://arxiv.org/pdf/1703.04933");
        row.Authors.Should().Equal("Laurent Dinh", "Razvan Pascanu", "Samy Bengio", "Yoshua Bengio");
        row.Categories.Should().Equal("cs.LG");
        row.Comment.Should().Be("8.5 pages of main content, 2.5 of bibliography and 1 page of appendix");
        row.JournalRef.Should().BeNull();
        row.PrimaryCategory.Should().Be("cs.LG");
        row.Published.Should().Be("20170315");
        row.Updated.Should().Be("20170515");
        row.References.Select(r => r.Id).Should().Equal(
            "1609.03193", "1701.04271", "1609.04836", "1606.04838", "1611.03530", "1605.08803", "1511.01029", "1609.08144",
            "1611.01838", "1606.05336", "1603.01431", "1511.01844", "1612.04010", "1611.07476", "1611.02344");
        row.AbsentFields.Should().Be(ChunkFields.None);
        row.ExtraFields.Should().BeEmpty();
    }

    [Fact]
    public void Reads_the_last_row_field_by_field()
    {
        var row = ViewerSeeds.Chunks(SeedFiles.ChunkLines)[^1];

        row.Should().BeEquivalentTo(new
        {
            Doi = "1703.03664",
            ChunkId = 23L,
            Id = "1703.03664#23",
            Title = "Parallel Multiscale Autoregressive Density Estimation",
            Source = "http://arxiv.org/pdf/1703.03664",
            Authors = new[] { "Scott Reed", "Aäron van den Oord", "Nal Kalchbrenner", "Sergio Gómez Colmenarejo", "Ziyu Wang", "Dan Belov", "Nando de Freitas" },
            Categories = new[] { "cs.CV", "cs.NE" },
            Comment = (string?)null,
            JournalRef = (string?)null,
            PrimaryCategory = "cs.CV",
            Published = "20170310",
            Updated = "20170310",
            References = new[] { "1701.05517", "1612.00005", "1612.03242", "1610.00527", "1610.10099", "1702.00783", "1609.03499", "1611.05013" }
                .Select(id => new PaperReference(id)),
        });
        row.Chunk.Should().StartWith("2From communication with the Robot Pushing dataset author. T")
            .And.EndWith("n Ts-novel 2.08 0.64 1.04 1.06 2.07 0.64 1.04 0.97").And.HaveLength(970);
        row.Summary.Should().StartWith("PixelCNN achieves state-of-the-art results in density estima")
            .And.EndWith("sive density models that allow efficient sampling.").And.HaveLength(882);
    }

    [Fact]
    public void Locates_each_row_on_its_first_cell_line()
    {
        using var reader = new ViewerChunkReader(SeedFiles.PathOf(SeedFiles.ChunkLines));
        var lines = new List<long>();
        while (reader.Read() is not null)
        {
            lines.Add(reader.CurrentLine);
        }

        lines.Should().HaveCount(100);
        lines[0].Should().Be(59);
        lines[^1].Should().Be(59 + (99 * 15));
    }

    [Theory]
    [InlineData("\n\n")]
    [InlineData("\n\nSubsets and Splits\nNo saved queries yet\n\nSave your SQL queries to embed, download, and access them later. Queries will appear here once saved.")]
    public void Skips_trailing_blank_lines_and_the_viewer_page_text(string tail)
    {
        using var reader = ViewerSeeds.ChunkReader(SeedFiles.Text(SeedFiles.ChunkLines) + tail, ErrorPolicy.SkipAndReport);

        reader.ReadAll().Should().Equal(ViewerSeeds.Chunks(SeedFiles.ChunkLines));
        reader.ErrorCount.Should().Be(0);
    }

    [Fact]
    public void Reports_text_after_the_last_row_as_a_truncated_row()
    {
        // Seed 000 ends without a line break on line 1558; the blank line 1559 and "stray" (1560) start row 101.
        using var reader = ViewerSeeds.ChunkReader(SeedFiles.Text(SeedFiles.ChunkLines) + "\n\nstray", ErrorPolicy.SkipAndReport, "000.txt");

        reader.ReadAll().Should().HaveCount(100);
        reader.Errors.Should().ContainSingle().Which.Message.Should().Be("000.txt:1559: row 101 at line 1559: expected 15 cells, the file ended after 2");
    }

    [Fact]
    public async Task Reads_the_same_rows_asynchronously()
    {
        await using var reader = new ViewerChunkReader(SeedFiles.PathOf(SeedFiles.ChunkLines));
        var rows = new List<ChunkRecord>();
        await foreach (var row in reader.ReadAllAsync())
        {
            rows.Add(row);
        }

        rows.Should().Equal(ViewerSeeds.Chunks(SeedFiles.ChunkLines));
    }
}
