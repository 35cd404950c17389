using FluentAssertions;
using PaperChunks.Reassembly;
using Xunit;
using static PaperChunks.Tests.Reassembly.PaperReassemblerTests;

namespace PaperChunks.Tests.Reassembly;

/// <summary>The per-paper regime and per-joint entries of the report, on real paper text cut by known rules.</summary>
public class RegimeReportTests
{
    private static readonly string Text = RealSplitterFixtureTests.Originals().OrderBy(p => p.Key, StringComparer.Ordinal).First().Value;

    [Fact]
    public void Fixed_windows_with_overlap_are_reported_as_one_run_of_equal_joints()
    {
        // Windows of 300 every 260 characters over exactly 9 windows' worth of text: 8 joints, each repeating 40.
        var text = Text[..(260 * 9 + 40)];
        var rows = Enumerable.Range(0, 9).Select(i => Row(i, text.Substring(260 * i, 300))).Reverse();
        var reassembler = new PaperReassembler();

        var paper = reassembler.Reassemble(rows).Single();

        paper.Text.Should().Be(text);
        var regime = reassembler.Report.Regimes.Should().ContainSingle().Subject;
        regime.Regime.Label.Should().Be("fixed-window 300/40");
        regime.Joints.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { FirstChunkId = 1L, LastChunkId = 8L, Kind = JointKind.Overlap, OverlapChars = 40, Separator = "", Certainty = JointCertainty.Certain });
        reassembler.Report.JointCertainties.Should().Equal(new Dictionary<JointCertainty, int> { [JointCertainty.Certain] = 8 });
    }

    [Fact]
    public void A_fixed_window_overlap_too_short_to_tell_at_one_joint_is_learned_from_all_of_them()
    {
        // 174-character windows every 171: a 3-character overlap is chance at one joint, not at every one of a dozen.
        var windows = FixedWindowPropertyTests.Windows(Text, 174, 3);
        var rows = windows.Select((w, i) => Row(i, w.Text)).Reverse();
        var reassembler = new PaperReassembler();

        var paper = reassembler.Reassemble(rows).Single();

        paper.Text.Should().Be(Text[..windows[^1].End]);
        reassembler.Report.Regimes.Single().Regime.Label.Should().Be("fixed-window 174/3");
    }

    [Fact]
    public void Chunks_that_end_and_begin_with_the_same_word_without_overlapping_keep_both_words()
    {
        // A recursive splitter cut at the paragraph break between "...we fit the model" and "model selection
        // ...", carrying no overlap there; the next joint overlaps by a whole clause, so the paper's regime is
        // recursive, where a 5-character repeat whose preceding word would also have fitted the budget is chance.
        const string first = "Deep networks generalize although they can fit random labels, and we fit the model";
        const string second = "model selection then follows the validation error, which we report for every run of the sweep";
        const string third = "which we report for every run of the sweep below, with the learning rate fixed.";
        var reassembler = new PaperReassembler();

        var paper = reassembler.Reassemble([Row(2, third), Row(0, first), Row(1, second)]).Single();

        paper.Text.Should().Be(first + "\n" + second + " below, with the learning rate fixed.");
        reassembler.Report.Regimes.Single().Joints.Should().Equal(
            new ChunkJoint(1, 1, JointKind.Joined, 0, "\n", JointCertainty.Guessed, reassembler.Report.Regimes.Single().Joints[0].Chance),
            new ChunkJoint(2, 2, JointKind.Overlap, 42, "", JointCertainty.Certain, reassembler.Report.Regimes.Single().Joints[1].Chance));
    }

    [Fact]
    public void Fixed_windows_without_overlap_are_joined_directly_where_they_cut_words()
    {
        var text = Text[..(250 * 8)];
        var rows = Enumerable.Range(0, 8).Select(i => Row(i, text.Substring(250 * i, 250)));
        var reassembler = new PaperReassembler();

        var paper = reassembler.Reassemble(rows).Single();

        paper.Text.Should().Be(text);
        var regime = reassembler.Report.Regimes.Should().ContainSingle().Subject;
        regime.Regime.Label.Should().Be("fixed-window 250/0");
        regime.Joints.Sum(j => j.LastChunkId - j.FirstChunkId + 1).Should().Be(7);
        regime.Joints.Should().OnlyContain(j => j.Kind == JointKind.Joined && j.Separator == "");
    }
}
