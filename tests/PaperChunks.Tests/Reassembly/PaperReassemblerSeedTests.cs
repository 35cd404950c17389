using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;
using static PaperChunks.Tests.Reassembly.ReassemblyAssertions;

namespace PaperChunks.Tests.Reassembly;

public class PaperReassemblerSeedTests
{
    private static readonly IReadOnlyList<ChunkRecord> Seed000 = SeedChunkRows.ViewerLines();
    private static readonly IReadOnlyList<ChunkRecord> Seed001 = SeedChunkRows.PipeTable();

    [Fact]
    public void Reports_exactly_the_gaps_the_seed_000_readme_lists()
    {
        var reassembler = new PaperReassembler();
        var papers = reassembler.Reassemble(Seed000).ToList();

        papers.Select(p => p.Doi).Should().Equal("1703.03664", "1703.04247", "1703.04908", "1703.04933", "1703.05175");
        reassembler.Report.Gaps.Should().Equal(
            new ChunkGap("1703.04933", [61]),
            new ChunkGap("1703.05175", [45, 46]));
        papers.Single(p => p.Doi == "1703.05175").MissingChunkIds.Should().Equal(45, 46);
        reassembler.Report.Chunks.Should().Be(100);
        reassembler.Report.Duplicates.Should().BeEmpty();
        reassembler.Report.Disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Reports_exactly_the_gaps_the_seed_001_readme_lists()
    {
        var reassembler = new PaperReassembler();
        var papers = reassembler.Reassemble(Seed001).ToList();

        papers.Select(p => p.Doi).Should().Equal("1511.06807", "1511.06856", "1511.06939", "1511.07289");
        reassembler.Report.Gaps.Should().Equal(
            new ChunkGap("1511.06856", [6, 10, 22]),
            new ChunkGap("1511.06939", [11]));
        reassembler.Report.IsClean.Should().BeFalse();
        reassembler.Report.Duplicates.Should().BeEmpty();
        reassembler.Report.Disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Keeps_a_heading_repeated_at_a_joint_once()
    {
        var paper = new PaperReassembler().Reassemble(Seed001).Single(p => p.Doi == "1511.06856");

        // Chunk 12 ends and chunk 13 starts with the heading; the seed holds it twice in all.
        CountOf(paper.Text, "# 3 DATA-DEPENDENT INITIALIZATION").Should().Be(1);
        paper.Text.Should().Contain("learn equally fast.\n# 3 DATA-DEPENDENT INITIALIZATION\nGiven an N-layer");
    }

    [Fact]
    public void Merges_an_overlap_in_flattened_viewer_text()
    {
        var paper = new PaperReassembler().Reassemble(Seed000).Single(p => p.Doi == "1703.04933");

        CountOf(paper.Text, "# 6 Discussion").Should().Be(1);
        paper.Text.Should().Contain("with respect to v: # 6 Discussion It has been observed");
    }

    [Fact]
    public void Joins_chunks_without_overlap_with_a_newline()
    {
        var paper = new PaperReassembler().Reassemble(Seed000).Single(p => p.Doi == "1703.04933");

        paper.Text.Should().Contain("unnormalized weight v 4 0.\nBut this infinitesimal reasoning");
        paper.Text.Should().StartWith("(c) Loss function with another reparametrization");
    }

    [Theory]
    [InlineData(SeedFiles.ChunkLines, 93, 25)]
    [InlineData(SeedFiles.ChunkTable, 92, 38)]
    public void Checks_every_joint_of_the_seeds(string seed, int joints, int overlapping)
    {
        var rows = seed == SeedFiles.ChunkLines ? Seed000 : Seed001;
        var papers = new PaperReassembler().Reassemble(rows).ToList();

        int seen = 0, merged = 0;
        foreach (var paper in papers)
        {
            SpansPointAtTheirChunks(paper, rows);
            for (var i = 1; i < paper.Spans.Count; i++)
            {
                var (before, after) = (paper.Spans[i - 1], paper.Spans[i]);
                if (after.ChunkId != before.ChunkId + 1)
                {
                    after.Start.Should().BeGreaterThan(before.Start + before.Length, "no overlap is searched across a gap");
                    continue;
                }

                seen++;
                merged += after.Start < before.Start + before.Length ? 1 : 0;
                var joint = before.Start + before.Length;
                RepeatAcross(paper.Text[Math.Max(0, joint - 500)..joint], paper.Text[joint..Math.Min(paper.Text.Length, joint + 500)])
                    .Should().BeEmpty("no passage may repeat across the joint of {0}#{1}", paper.Doi, before.ChunkId);
            }
        }

        seen.Should().Be(joints);
        merged.Should().Be(overlapping);
    }

    [Fact]
    public void Strips_running_headers_and_page_numbers_when_asked()
    {
        var plain = new PaperReassembler().Reassemble(Seed001).Single(p => p.Doi == "1511.06856");
        var stripped = new PaperReassembler(new ReassemblyOptions { StripRunningHeaders = true })
            .Reassemble(Seed001).Single(p => p.Doi == "1511.06856");

        plain.Text.Should().Contain("with C;,\n2\nPublished as a conference paper at ICLR 2016\nchannels per grid cell.");
        stripped.Text.Should().Contain("with C;,\nchannels per grid cell.");
        stripped.Text.Should().NotContain("Published as a conference paper at ICLR 2016");
        stripped.Spans.Should().HaveCount(plain.Spans.Count);
        var last = stripped.Spans[^1];
        (last.Start + last.Length).Should().Be(stripped.Text.Length);
    }

    [Fact]
    public void Marks_gaps_in_the_text_when_asked()
    {
        var paper = new PaperReassembler(new ReassemblyOptions { InsertGapMarkers = true })
            .Reassemble(Seed001).Single(p => p.Doi == "1511.06856");

        paper.Text.Should().Contain("\n\n[missing chunk 6]\n\n");
        paper.Text.Should().Contain("\n\n[missing chunk 22]\n\n");
    }

    /// <summary>
    /// The longest passage of at least 8 characters, on word boundaries, that ends the text before a
    /// joint and starts the text after it (whitespace collapsed): what a joint that failed to merge
    /// its overlap shows. Brute force on purpose, independent of the reassembler's search.
    /// </summary>
    private static string RepeatAcross(string before, string after)
    {
        var (b, a) = (Collapse(before), Collapse(after));
        for (var k = Math.Min(a.Length, b.Length); k >= 8; k--)
        {
            if (b.EndsWith(a[..k], StringComparison.Ordinal)
                && (k == b.Length || b[^(k + 1)] == ' ') && (k == a.Length || a[k] == ' '))
            {
                return a[..k];
            }
        }

        return "";
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
