using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

public class PaperReassemblerTests
{
    [Fact]
    public void Does_not_merge_a_chance_match_shorter_than_the_minimum()
    {
        var paper = Reassemble([Row(0, "we fit the"), Row(1, "the model")]).Single();

        paper.Text.Should().Be("we fit the\nthe model");
        paper.Spans.Should().Equal(new ChunkSpan(0, 0, 10), new ChunkSpan(1, 11, 9));
    }

    [Fact]
    public void Merges_an_overlap_that_differs_only_in_whitespace()
    {
        var paper = Reassemble([Row(0, "Intro text.\n# 2 RELATED  WORK"), Row(1, "# 2 RELATED\nWORK\nBody.")]).Single();

        paper.Text.Should().Be("Intro text.\n# 2 RELATED  WORK\nBody.");
        paper.Spans.Should().Equal(new ChunkSpan(0, 0, 29), new ChunkSpan(1, 12, 23));
    }

    [Fact]
    public void Does_not_merge_a_match_that_starts_inside_a_word()
    {
        var paper = Reassemble([Row(0, "a large minibatch"), Row(1, "batch normalization follows")]).Single();

        paper.Text.Should().Be("a large minibatch\nbatch normalization follows");
    }

    [Fact]
    public void Searches_no_overlap_across_a_gap()
    {
        var reassembler = new PaperReassembler();
        var paper = reassembler.Reassemble([Row(0, "shared ending words"), Row(2, "shared ending words and more")]).Single();

        paper.Text.Should().Be("shared ending words\nshared ending words and more");
        paper.MissingChunkIds.Should().Equal(1);
        reassembler.Report.Gaps.Should().Equal(new ChunkGap("1703.04933", [1]));
    }

    [Fact]
    public void Drops_identical_repeats_and_reports_them()
    {
        var reassembler = new PaperReassembler();
        var paper = reassembler.Reassemble([Row(1, "second part"), Row(0, "first part"), Row(1, "second part"), Row(1, "second part")]).Single();

        paper.Text.Should().Be("first part\nsecond part");
        paper.DuplicateChunkIds.Should().Equal(1);
        paper.ChunkCount.Should().Be(2);
        reassembler.Report.Duplicates.Should().Equal(new ChunkRepeat("1703.04933", 1, 2, 0));
        reassembler.Report.Conflicts.Should().BeEmpty();
        reassembler.Report.Chunks.Should().Be(4);
    }

    [Fact]
    public void Keeps_the_first_of_conflicting_repeats_in_input_order()
    {
        var reassembler = new PaperReassembler();
        var paper = reassembler.Reassemble([Row(0, "kept text"), Row(0, "other text")]).Single();

        paper.Text.Should().Be("kept text");
        reassembler.Report.Conflicts.Should().Equal(new ChunkRepeat("1703.04933", 0, 0, 1));
    }

    [Fact]
    public void Fails_on_a_conflicting_repeat_under_the_fail_policy()
    {
        var reassembler = new PaperReassembler(new ReassemblyOptions { DuplicatePolicy = DuplicatePolicy.Fail });

        var act = () => reassembler.Reassemble([Row(3, "kept text"), Row(3, "other text")]).ToList();

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            "1703.04933#3: field \"chunk\": expected a repeated chunk id to repeat the same text, found different text (duplicate policy: fail)");
    }

    [Fact]
    public void Reports_metadata_disagreement_per_field_and_takes_the_first_chunks_values()
    {
        var reassembler = new PaperReassembler();
        var paper = reassembler.Reassemble(
        [
            Row(0, "zero"),
            Row(1, "one") with { Title = "Sharp Minima Can Generalize" },
            Row(2, "two") with { Title = "Sharp Minima Can Generalize", Updated = "20170601" },
        ]).Single();

        paper.Title.Should().Be("Sharp Minima Can Generalize For Deep Nets");
        reassembler.Report.Disagreements.Should().Equal(
            new MetadataDisagreement("1703.04933", "title", [1, 2]),
            new MetadataDisagreement("1703.04933", "updated", [2]));
    }

    [Fact]
    public void Rejects_input_declared_grouped_whose_paper_comes_back()
    {
        var reassembler = new PaperReassembler(new ReassemblyOptions { InputGroupedByDoi = true });

        var act = () => reassembler.Reassemble([Row(0, "a"), Row(0, "b") with { Doi = "1703.05175" }, Row(1, "c")]).ToList();

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            "1703.04933#1: field \"doi\": expected the rows of paper 1703.04933 together (input declared grouped by doi), found more after other papers");
    }

    [Fact]
    public async Task Reassembles_grouped_input_in_input_order_asynchronously()
    {
        var reassembler = new PaperReassembler(new ReassemblyOptions { InputGroupedByDoi = true });
        var rows = new[] { Row(1, "b1") with { Doi = "1703.05175" }, Row(0, "b0") with { Doi = "1703.05175" }, Row(0, "a0") };

        var papers = await reassembler.ReassembleAsync(rows.ToAsyncEnumerable()).ToListAsync();

        papers.Select(p => (p.Doi, p.Text)).Should().Equal(("1703.05175", "b0\nb1"), ("1703.04933", "a0"));
    }

    private static List<PaperRecord> Reassemble(IEnumerable<ChunkRecord> rows) => new PaperReassembler().Reassemble(rows).ToList();

    /// <summary>A row of one paper (1703.04933) with the given chunk.</summary>
    internal static ChunkRecord Row(long chunkId, string chunk) => new()
    {
        Doi = "1703.04933",
        ChunkId = chunkId,
        Chunk = chunk,
        Id = $"1703.04933#{chunkId}",
        Title = "Sharp Minima Can Generalize For Deep Nets",
        Updated = "20170515",
    };
}
