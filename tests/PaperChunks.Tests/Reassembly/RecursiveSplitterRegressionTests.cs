using FluentAssertions;
using PaperChunks.Reassembly;
using Xunit;
using static PaperChunks.Tests.Reassembly.ReassemblyAssertions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Papers the recursive-splitter property test (<see cref="PaperReassemblerPropertyTests"/>) once rebuilt
/// wrongly, each replayed from the scenario its CsCheck seed drew.
/// </summary>
public class RecursiveSplitterRegressionTests
{
    [Fact]
    public void Equal_length_recursive_chunks_with_a_word_overlap_at_one_joint_are_no_fixed_windows()
    {
        // CsCheck seed 6kZQj4Y9qwh3: 814-character chunks, 13 % overlap. Paper 2401.00002 has three chunks, the
        // first two 762 characters long; chunk 1 repeats chunk 0's last word "hpplkpa364z" and chunk 2 repeats
        // nothing. Read as fixed windows, the one repeat was the text's own and the word came back twice, though
        // no joint cuts a word and every chunk was trimmed at a word boundary.
        var scenario = new PaperReassemblerPropertyTests.Scenario(814, 13, 3, 153, 9, 3, 40252);
        var built = scenario.Build();
        var expected = built.Papers.Single(p => p.Doi == "2401.00002");
        var reassembler = new PaperReassembler();

        var paper = reassembler.Reassemble(built.Rows).Single(p => p.Doi == "2401.00002");

        expected.Pieces.Select(p => p.Text.Length).Should().Equal(762, 762, 470);
        paper.MissingChunkIds.Should().BeEmpty();
        Collapse(paper.Text).Should().Be(Collapse(expected.Text));
        Collapse(paper.Text).Should().Contain("egepdahofa363z hpplkpa364z peifnbnff365z");
        reassembler.Report.Regimes.Single(r => r.Doi == "2401.00002").Regime.Label.Should().Be("recursive ~762/11");
    }

    [Fact]
    public void A_paragraph_that_would_have_fitted_only_without_its_break_was_closed_for_length()
    {
        // CsCheck seed 2r_iSkh8S_H1 (a 200,000-case run): 1481-character chunks, 6 % overlap. Paper 2401.00002's chunk 1
        // (1274 characters, 1276 before its leading blank line was trimmed) ends with the one-word paragraph
        // "lfcjgfdd1663z", which chunk 2 repeats before a 204-character paragraph: 1276 + 2 + 204 is one more than
        // fits, so the chunk was closed for length and the repeat is the overlap; counting one character for the
        // blank line made it a repeat of the text's own, and the word was lost.
        var scenario = new PaperReassemblerPropertyTests.Scenario(1481, 6, 3, 733, 3, 17, -1486);
        var built = scenario.Build();
        var expected = built.Papers.Single(p => p.Doi == "2401.00002");

        var paper = new PaperReassembler().Reassemble(built.Rows).Single(p => p.Doi == "2401.00002");

        expected.Pieces[1].Text.Should().EndWith("\n\nlfcjgfdd1663z").And.HaveLength(1274);
        paper.MissingChunkIds.Should().BeEmpty();
        Collapse(paper.Text).Should().Be(Collapse(expected.Text));
        Collapse(paper.Text).Should().Contain("cgliln1662z lfcjgfdd1663z ibnbaeo1664z");
    }
}
