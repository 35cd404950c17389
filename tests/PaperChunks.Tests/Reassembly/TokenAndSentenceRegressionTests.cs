using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;
using static PaperChunks.Tests.Reassembly.PaperReassemblerTests;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Papers the token-window and sentence-chunk property tests (<see cref="TokenWindowPropertyTests"/>,
/// <see cref="SentenceSplitterPropertyTests"/>) once rebuilt wrongly or called a wrong joint certain, each with the
/// CsCheck seed that found it, cut by the same splitters over the same held-out text.
/// </summary>
public class TokenAndSentenceRegressionTests
{
    private static readonly string[] Texts = RealSplitterFixtureTests.OriginalTexts;

    [Fact]
    public void Token_windows_overlapping_by_one_token_are_rebuilt_though_each_overlap_alone_could_be_chance()
    {
        // Seed 5wXm-KobV6m2 (text 16, 11-token windows, 1 token of overlap): "simi" | " similar", " the" | " the addition",
        // a few characters at every joint, each as likely chance as not, were all joined twice over.
        var (rows, paper, report) = Reassemble(new TokenTextSplitter(11, 1).Split(Texts[16]));

        paper.Text.Should().Be(Texts[16]);
        report.Regimes.Single().Regime.Kind.Should().Be(SplitterRegimeKind.TokenWindow);
        rows.Should().BeGreaterThan(60);
    }

    [Fact]
    public void Token_windows_without_overlap_join_directly_where_a_table_repeats_itself_across_a_cut()
    {
        // Seed 9ejvCCj5B3C3 (text 4, 27-token windows, none of overlap): "…5.9% Validation error: 10" | ".9% Validation
        // error: 10.8%" repeats 24 characters, far beyond chance, but no other joint repeats anything.
        var (_, paper, report) = Reassemble(new TokenTextSplitter(27, 0).Split(Texts[4]));

        paper.Text.Should().Be(Texts[4]);
        report.Regimes.Single().Regime.Kind.Should().Be(SplitterRegimeKind.NoOverlap);
    }

    [Fact]
    public void A_table_cell_repeated_across_a_joint_of_one_token_overlap_is_no_certain_overlap()
    {
        // Seed e062d_p0l914 (text 4, 16-token windows, 1 token of overlap): ": 16.6% 5.9% Validation error: 10." | ".9%
        // Validation error: 10.8%" repeats 25 characters where the windows overlap by one (".").
        var (_, _, report) = Reassemble(new TokenTextSplitter(16, 1).Split(Texts[4]));

        report.Regimes.Single().Joints.Where(j => j.OverlapChars == 25).Should().NotBeEmpty().And.OnlyContain(j => j.Certainty != JointCertainty.Certain);
    }

    [Theory]
    [InlineData(51, 0, 20, "5 10 15 20 25 30")] // seed dwo7KYdqm1c5: a figure's axis labels written twice in a row
    [InlineData(40, 2, 27, "Training Classes per Episode")] // seed 67iKfxqxM7W1: two plots' axis titles, after "5 10 … 30" twice
    public void Words_a_figure_writes_twice_in_a_row_across_a_cut_are_no_certain_overlap(int tokens, int overlap, long chunkId, string repeated)
    {
        // Text 38 (1703.05175.x0), the Prototypical Networks excerpt with its figures' and tables' text: the sentence
        // splitter cut between the two copies, and the repeat looked like an overlap by more than 1e-8.
        var pieces = new SentenceSplitter(tokens, overlap).Split(Texts[38]);
        pieces[(int)chunkId].Text.Should().StartWith(repeated);

        var (_, _, report) = Reassemble(pieces);

        report.Regimes.Single().Joints.Single(j => j.FirstChunkId <= chunkId && chunkId <= j.LastChunkId).Certainty
            .Should().NotBe(JointCertainty.Certain);
    }

    private static (int Rows, PaperRecord Paper, ReassemblyReport Report) Reassemble(List<(string Text, int Start, int End)> pieces)
    {
        var reassembler = new PaperReassembler();
        var rows = pieces.Select((p, i) => Row(i, p.Text)).Reverse().ToList();
        return (rows.Count, reassembler.Reassemble(rows).Single(), reassembler.Report);
    }
}
