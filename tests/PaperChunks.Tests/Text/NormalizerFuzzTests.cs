using CsCheck;
using FluentAssertions;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

/// <summary>
/// The normalizer fed arbitrary text, not only the damage it repairs: it must never throw, every fix and
/// undecided offset must lie inside the input, and a result without fixes is the input itself.
/// </summary>
public sealed class NormalizerFuzzTests
{
    private static readonly TextNormalizer s_normalizer = new();

    // Real words (some that join, some that do not), fragments, hyphens and spaces: the raw material of
    // line-break splits, including two or more in a row, which crashed HyphenationRepair.Decide.
    private static readonly string[] s_pieces =
    [
        "a", "b", "c", "only", "order", "stan", "dard", "deep", "par", "ticular", "pre", "trained", "RNN", "based",
        "state", "of", "the", "art", "and", "or", "to", "In", "con", "ï¬uence", "efï¬", "ciently", "â", "Ã", "x",
        "-", "- ", " -", "--", " ", "  ", "\n", "-\n", ",", ".", "é", "\u00A0",
    ];

    [Theory]
    [InlineData("a- b- c")]
    [InlineData("only order- stan- dard deep")]
    [InlineData("x- y- z- w")]
    [InlineData("- - a- - b-")]
    public void Survives_line_break_splits_in_a_row(string text)
    {
        var act = () => s_normalizer.Normalize(text);

        act.Should().NotThrow();
    }

    [Fact]
    public void Judges_a_word_broken_twice_as_the_joined_word() =>
        s_normalizer.Normalize("only order- stan- dard deep").Text.Should().Be("only order-standard deep");

    [Fact]
    public void Reports_the_second_of_two_splits_it_cannot_judge_again()
    {
        var result = s_normalizer.Normalize("a- b- c");

        result.Text.Should().Be("ab- c");
        result.Undecided.Should().ContainSingle().Which.Should().Be(new UndecidedSequence(RepairKind.Hyphenation, 4,
            "a- b- c", "the part before the hyphen ends a word already joined at the previous line break"));
    }

    [Fact]
    public void Never_throws_on_arbitrary_text() =>
        Gen.String[Gen.Char, 0, 300].Sample(Check, iter: 3000);

    [Fact]
    public void Never_throws_on_text_built_from_words_hyphens_and_spaces() =>
        Gen.Int[0, s_pieces.Length - 1].Select(k => s_pieces[k]).Array[0, 60].Select(parts => string.Concat(parts)).Sample(Check, iter: 5000);

    [Fact]
    public void Never_throws_on_words_joined_by_hyphen_space() =>
        Gen.Int[0, s_pieces.Length - 1].Select(k => s_pieces[k]).Array[1, 12].Select(parts => string.Join("- ", parts)).Sample(Check, iter: 3000);

    private static void Check(string text)
    {
        var result = s_normalizer.Normalize(text);
        if (result.Fixes.Count == 0)
            result.Text.Should().BeSameAs(text);
        foreach (var fix in result.Fixes)
            fix.Offset.Should().BeInRange(0, text.Length);
        foreach (var undecided in result.Undecided)
            undecided.Offset.Should().BeInRange(0, text.Length);
    }
}
