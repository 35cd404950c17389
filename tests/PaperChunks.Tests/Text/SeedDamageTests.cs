using System.Text.RegularExpressions;
using FluentAssertions;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

/// <summary>The accuracy table of docs/normalization.md: damage in seed 001 before and after, and what is left is reported.</summary>
public sealed class SeedDamageTests
{
    private static readonly Lazy<(string Text, NormalizationResult Result)> s_seed001 = new(() =>
    {
        var text = SeedFiles.Text(SeedFiles.ChunkTable);
        return (text, new TextNormalizer().Normalize(text));
    });

    [Theory]
    // sequence, pattern, count in the seed (grep), count left after normalizing
    [InlineData("ï¬", "ï¬", 165, 1)]
    [InlineData("stray â", "â", 155, 77)]
    [InlineData("⢠ ⤠ ⬠", "[\u28A0\u2920\u2B20]", 10, 2)]
    [InlineData("Ã Ë Ï + lost byte", "[ÃËÏ]", 25, 23)]
    [InlineData("spacing diacritic", "[\u00A8\u00B4\u02D8\u02C7\u02C6\u02DC\u02DA\u00B8\u02DD\u02DB\u02D9]", 11, 0)]
    [InlineData("line-break hyphen", @"\p{L}- \p{L}", 67, 3)]
    public void Repairs_seed_001_damage_down_to_the_undecided_rest(string sequence, string pattern, int before, int after)
    {
        var (text, result) = s_seed001.Value;

        Regex.Count(text, pattern).Should().Be(before, sequence + " in the seed");
        Regex.Count(result.Text, pattern).Should().Be(after, sequence + " left after normalizing");
    }

    [Theory]
    [InlineData('ï', 1)]
    [InlineData('â', 77)]
    [InlineData('\u2B20', 2)]
    [InlineData('Ã', 0)]
    [InlineData('-', 3)]
    public void Lists_every_damage_sequence_left_as_undecided(char first, int left)
    {
        var (text, result) = s_seed001.Value;

        result.Undecided.Count(u => text[u.Offset] == first).Should().Be(left);
    }

    [Fact]
    public void Offsets_of_fixes_point_at_the_damage_in_the_seed()
    {
        var (text, result) = s_seed001.Value;

        // Before is the sequence as its repair saw it, after earlier passes: a hyphenation fix may hold a
        // ligature already repaired (con- fluence for con- ï¬uence), so compare up to the first difference.
        foreach (var fix in result.Fixes)
        {
            var expected = fix.Kind == RepairKind.Hyphenation ? fix.Before[..fix.Before.IndexOf('-')] : fix.Before;
            text.Substring(fix.Offset, expected.Length).Should().Be(expected);
        }
    }

    [Fact]
    public void Removes_scitldr_markers_and_residue_from_seed_003_when_asked()
    {
        var text = SeedFiles.Text(SeedFiles.SciTldrLines);
        var normalizer = new TextNormalizer(TextNormalizerOptions.Default with { RemoveSciTldrMarkers = true });

        var result = normalizer.Normalize(text);

        Regex.Count(text, @"\b(BID|FIG|TAB)\d+\b").Should().Be(3407);
        Regex.Count(result.Text, @"\b(BID|FIG|TAB)\d+\b").Should().Be(0);
        Regex.Count(text, @"\(; ;\)").Should().Be(41);
        Regex.Count(result.Text, @"\(; ;\)").Should().Be(0);
        Regex.Count(result.Text, @"\(x; y\)").Should().Be(Regex.Count(text, @"\(x; y\)"));
        result.Text.Should().Contain("failure mode is mode collapse: instead of producing")
            .And.Contain("protein structure prediction. So far, no single")
            .And.Contain("chine learning community, while QA");
    }
}
