using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using PaperChunks.Tests.Formats.Jsonl;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

/// <summary>Semantic-chunks rows: prechunk_id/postchunk_id give reassembly its order, show gaps and are checked.</summary>
public class ChunkLinkOrderTests
{
    private const string Doi = "2401.00001";

    private static string Row(int index, string pre, string post, string content) =>
        $"{{\"id\":\"{Doi}#{index}\",\"title\":\"T\",\"content\":\"{content}\",\"prechunk_id\":\"{pre}\",\"postchunk_id\":\"{post}\",\"arxiv_id\":\"{Doi}\",\"references\":[]}}\n";

    private static (PaperRecord Paper, ReassemblyReport Report) Reassemble(params string[] rows)
    {
        var records = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(rows)))).ReadAll().ToList();
        var reassembler = new PaperReassembler();
        var paper = reassembler.Reassemble(records).Single();
        return (paper, reassembler.Report);
    }

    [Fact]
    public void Joins_the_rows_in_link_order_whatever_order_they_come_in()
    {
        var (paper, report) = Reassemble(
            Row(2, $"{Doi}#1", "", "Third part."),
            Row(0, "", $"{Doi}#1", "First part."),
            Row(1, $"{Doi}#0", $"{Doi}#2", "Second part."));

        paper.Text.Should().Be("First part.\nSecond part.\nThird part.");
        report.IsClean.Should().BeTrue();
    }

    [Fact]
    public void A_link_to_a_row_that_is_not_there_is_a_gap_even_after_the_last_row()
    {
        var (paper, report) = Reassemble(
            Row(0, "", $"{Doi}#1", "First part."),
            Row(1, $"{Doi}#0", $"{Doi}#2", "Second part."));

        paper.MissingChunkIds.Should().Equal(2);
        report.Gaps.Should().Equal(new ChunkGap(Doi, [2]));
        report.LinkDisagreements.Should().BeEmpty();
    }

    [Fact]
    public void Links_that_disagree_with_the_ids_are_reported()
    {
        var (_, report) = Reassemble(
            Row(0, "", $"{Doi}#2", "First part."),
            Row(1, $"{Doi}#0", $"{Doi}#2", "Second part."),
            Row(2, $"{Doi}#1", "", "Third part."));

        report.LinkDisagreements.Should().Equal(new ChunkLinkDisagreement(Doi, 0, "postchunk_id", $"{Doi}#2", $"{Doi}#1"));
        report.Gaps.Should().BeEmpty();
        report.IsClean.Should().BeFalse();
    }

    [Fact]
    public async Task Reassemble_reports_a_link_conflict_with_exit_code_1()
    {
        using var temp = new TempDirectory();
        var input = temp.File("s.jsonl");
        File.WriteAllText(input, Row(0, "", $"{Doi}#2", "First part.") + Row(1, $"{Doi}#0", $"{Doi}#2", "Second part.") + Row(2, $"{Doi}#1", "", "Third part."));

        var run = await CliRun.RunAsync("reassemble", input, "-o", temp.File("p.jsonl"));

        run.Exit.Should().Be(1);
        run.Out.Should().Contain($"chunk link conflicts 1\n  {Doi}#0 postchunk_id: \"{Doi}#2\", in id order \"{Doi}#1\"\n");
    }

    [Fact]
    public async Task The_semantic_fixture_validates_and_reassembles_into_one_paper()
    {
        using var temp = new TempDirectory();
        var fixture = JsonlSchemaVariantTests.VariantPath("ai-arxiv2-semantic-chunks.jsonl");

        var validate = await CliRun.RunAsync("validate", fixture);
        var reassemble = await CliRun.RunAsync("reassemble", fixture, "-o", temp.File("p.jsonl"));

        validate.Out.Should().Be("3 rows, 0 problems\n");
        reassemble.Exit.Should().Be(0, reassemble.Error);
        reassemble.Out.Should().StartWith($"papers              1 from 3 rows -> {temp.File("p.jsonl")}\npapers with gaps    0\n");
    }
}
