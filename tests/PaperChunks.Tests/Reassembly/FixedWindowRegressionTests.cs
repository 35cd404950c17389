using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;
using static PaperChunks.Tests.Reassembly.PaperReassemblerTests;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Papers the fixed-window property test (<see cref="FixedWindowPropertyTests"/>) once rebuilt wrongly, cut
/// down to the joints that went wrong, each with the CsCheck seed that found it.
/// </summary>
public class FixedWindowRegressionTests
{
    private static readonly string[] Texts = RealSplitterFixtureTests.OriginalTexts;

    [Fact]
    public void Windows_without_overlap_that_cut_a_bracket_from_its_contents_are_joined_directly()
    {
        // Seed 2CQ35qmcZRa1 (657/0 windows over 1703.04933.x6): no chunk starts or ends with whitespace and the
        // cut words (Viny | als, S | ermanet) occur nowhere else, so the joints were guessed to have lost a line
        // break; "(" | "(- 5)" shows the cut falls anywhere.
        RebuildsExactly(Excerpt(Texts[37], 657, 0, 0, 3), "fixed-window 657/0");
    }

    [Fact]
    public void Windows_without_overlap_that_cut_numbers_and_sentences_are_joined_directly()
    {
        // Seed 8PHeTdtWNGU1 (636/0 windows over 1511.06856.x4): "2 2" | "0 = Cnig", "weight matrix" | ". As we"
        // and "(4" | ")" meet no letters on both sides, which was all the paper's words could tell.
        RebuildsExactly(Excerpt(Texts[8], 636, 0, 0, 3), "fixed-window 636/0");
    }

    [Fact]
    public void A_whole_word_overlap_of_windows_cut_anywhere_is_no_likelier_chance_than_other_characters()
    {
        // Found with seed 8PHeTdtWNGU1 (658/6 windows over 1703.04247.x2, window 1 dropped): the one joint repeats
        // "part, ", which as two whole words looked like chance (2e-3), as six characters cut anywhere it is not.
        RebuildsExactly(WithGaps(Texts[29], 658, 6, [0, 2, 3]), "fixed-window 658/6");
    }

    [Fact]
    public void A_word_repeated_at_the_one_joint_of_windows_of_one_width_is_their_overlap()
    {
        // Seed 8lLpYtBLIqD1 (561/5 windows over 1703.04247.x6, windows 2 and 4 dropped): a table's "Field" | "Field »"
        // at the only joint, whole words and so likely chance for a splitter that cuts between words; windows
        // of one width are cut wherever the count falls, where 5 characters repeating are not.
        RebuildsExactly(WithGaps(Texts[31], 561, 5, [0, 1, 3]), "fixed-window 561/5");
    }

    [Fact]
    public void Windows_without_overlap_over_a_table_of_repeated_words_are_joined_directly()
    {
        // The skip message's size 399/0 case, seed 424, over 1703.05175.x0: a table repeating "PROTONETS
        // PROTONETS PROTONETS Euclid." and cuts such as "Figure 3 s" | "hows" and "on the Om" | "niglot".
        RebuildsExactly(Excerpt(Texts[38], 399, 0, 0, 6), "fixed-window 399/0");
    }

    [Fact]
    public void A_longer_repeat_at_one_joint_does_not_set_the_overlap_of_fixed_windows()
    {
        // Seed cKSxgD_iAAb1 (84/4 windows over 1703.04247.x8): a table's "00 0.00 0" repeats 9 characters at one
        // joint, beyond chance there, while the real 4-character overlap is a border at every joint.
        RebuildsExactly(Excerpt(Texts[32], 84, 4, 19, 27), "fixed-window 84/4");
    }

    [Fact]
    public void Two_full_windows_whose_later_windows_are_missing_are_fixed_windows()
    {
        // Seed 2QVb8YD9I6R2 (648/0 windows over 1703.03664.x0, the last two dropped): two chunks of one length
        // are one joint and no remainder; "inference b" | "y modeling" lost no line break.
        RebuildsExactly(Excerpt(Texts[20], 648, 0, 0, 1), "fixed-window 648/0");
    }

    [Fact]
    public void A_short_overlap_at_both_joints_left_by_gaps_is_the_windows_overlap()
    {
        // Seed dbECGeurjxC1 (309/3 windows over 1703.05175.x0, windows 2, 5 and 7 dropped): two joints
        // repeat " 5 " and "ts ", each likely chance alone, both together not.
        RebuildsExactly(WithGaps(Texts[38], 309, 3, [0, 1, 3, 4, 6, 8]), "fixed-window 309/3");
    }

    [Fact]
    public void Windows_without_overlap_whose_cut_halves_are_no_words_of_the_paper_are_joined_directly()
    {
        // Seed cnS06zaCBik1 (649/0 windows over 1511.06939.x2, window 2 dropped): the one joint, "are reall" | "y important",
        // meets no whitespace and its halves are no words of a paper that repeats most of its words.
        RebuildsExactly(WithGaps(Texts[13], 649, 0, [0, 1, 3]), "fixed-window 649/0");
    }

    [Fact]
    public void A_lone_letter_after_a_cut_is_no_word_that_shows_a_whole_word_joint()
    {
        // Seed 2pJqf3IufEn2 (620/0 windows over 1703.03664.x0, window 2 dropped): "that allow" | "s more" looked
        // like two words ("s" occurs as a symbol), outweighing "Multisc" | "ale".
        RebuildsExactly(WithGaps(Texts[20], 620, 0, [0, 1, 3, 4]), "fixed-window 620/0");
    }

    [Fact]
    public void Windows_whose_longer_repeats_disagree_keep_the_overlap_common_to_every_joint()
    {
        // Seed cnS06zaCBik1 (98/2 windows over 1703.04247.x8, windows 1, 20 and 21 dropped): a table repeats "400-40" at one
        // joint and 7 characters at two others, too long for chance, so the paper looked like token windows.
        RebuildsExactly(WithGaps(Texts[32], 98, 2, [0, .. Enumerable.Range(2, 18), 22, 23, 24, 25, 26]), "fixed-window 98/2");
    }

    [Fact]
    public void Windows_cut_anywhere_whose_table_repeats_disagree_are_windows_without_overlap()
    {
        // Text 32 (1703.04247.x8) at 274/0, every window kept, Check seed -816577821: a "0.00 0.00" table repeats 10
        // characters at one joint and 15 at the next, too long for chance, so the paper looked recursive ~274/15 and
        // lost the repeats; its windows keep whitespace at their ends and cut words ("network s" | "tructure").
        RebuildsExactly(Excerpt(Texts[32], 274, 0, 0, 9), "fixed-window 274/0");
    }

    [Fact]
    public void Windows_without_overlap_that_cut_a_decimal_after_its_point_are_joined_directly()
    {
        // CsCheck seed exEPDr0lakO2 (628/0 windows over 1511.06807.x10, window 2 dropped): "1.3% 11." | "3%" in a table.
        RebuildsExactly(WithGaps(Texts[1], 628, 0, [0, 1, 3]), "fixed-window 628/0");
    }

    [Fact]
    public void A_border_the_previous_window_repeats_just_before_is_no_overlap_at_a_lone_joint()
    {
        // Found by a 300,000-case run (642/0 windows over 1703.04247.x8, window 1 dropped): at the one joint a table
        // "0.00 0.00 0.0" | "0 0.00 2.00" has a 5-character border, unlikely for characters drawn at random and
        // certain for a text repeating "0.00 " cells.
        RebuildsExactly(WithGaps(Texts[32], 642, 0, [0, 2, 3]), "fixed-window 642/0");
    }

    private static void RebuildsExactly((IEnumerable<ChunkRecord> Rows, string Text) excerpt, string label)
    {
        var reassembler = new PaperReassembler();

        var paper = reassembler.Reassemble(excerpt.Rows).Single();

        paper.Text.Should().Be(excerpt.Text);
        reassembler.Report.Regimes.Single().Regime.Label.Should().Be(label);
    }

    /// <summary>Windows <paramref name="first"/> to <paramref name="last"/> of the text, renumbered from 0 and reversed, and the text they cover.</summary>
    private static (IEnumerable<ChunkRecord> Rows, string Text) Excerpt(string text, int size, int overlap, int first, int last) =>
        WithGaps(text, size, overlap, [.. Enumerable.Range(first, last - first + 1)], first);

    /// <summary>
    /// The given windows of the text, renumbered from <paramref name="first"/> as 0 and reversed, and the text
    /// they cover: each run of consecutive windows once, runs apart by a newline unless whitespace ends or starts one.
    /// </summary>
    private static (IEnumerable<ChunkRecord> Rows, string Text) WithGaps(string text, int size, int overlap, int[] kept, int first = 0)
    {
        var windows = FixedWindowPropertyTests.Windows(text, size, overlap);
        var rows = kept.Select(i => Row(i - first, windows[i].Text)).Reverse();
        var expected = text[windows[kept[0]].Start..windows[kept[0]].End];
        for (var k = 1; k < kept.Length; k++)
        {
            var window = windows[kept[k]];
            var gap = kept[k] != kept[k - 1] + 1;
            var apart = gap && !char.IsWhiteSpace(expected[^1]) && !char.IsWhiteSpace(window.Text[0]);
            expected += (apart ? "\n" : "") + (gap ? window.Text : text[windows[kept[k - 1]].End..window.End]);
        }

        return (rows, expected);
    }
}
