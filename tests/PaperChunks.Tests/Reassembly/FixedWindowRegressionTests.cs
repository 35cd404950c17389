using FluentAssertions;
using PaperChunks.Reassembly;
using Xunit;
using static PaperChunks.Tests.Reassembly.PaperReassemblerTests;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Papers the fixed-window property test (<see cref="FixedWindowPropertyTests"/>) once rebuilt wrongly, cut
/// down to the joints that went wrong, each with the CsCheck seed that found it.
/// </summary>
public class FixedWindowRegressionTests
{
    [Fact]
    public void Windows_without_overlap_that_cut_rare_words_are_joined_directly()
    {
        // Seed 2CQ35qmcZRa1 (657/0 windows, there Viny | als and S | ermanet): no chunk starts or ends with
        // whitespace and each cut word (net | works, roces | sing) occurs once, so the joints were guessed
        // to have lost a line break.
        const string text = "Sutskever, Ilya, Vinyals, Oriol, and Le, Quoc V. Sequence to sequence learning with neural networks. "
            + "In Advances in neural information processing systems, pp. 3104–3112, 2014.";
        var rows = FixedWindowPropertyTests.Windows(text, 47, 0).Select((w, i) => Row(i, w.Text)).Reverse();
        var reassembler = new PaperReassembler();

        var paper = reassembler.Reassemble(rows).Single();

        paper.Text.Should().Be(text);
        reassembler.Report.Regimes.Single().Regime.Label.Should().Be("fixed-window 47/0");
    }
}
