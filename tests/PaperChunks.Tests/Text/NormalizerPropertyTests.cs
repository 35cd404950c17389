using CsCheck;
using FluentAssertions;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

public sealed class NormalizerPropertyTests
{
    // Letters, digits, punctuation, whitespace, accented letters of the negatives languages, Greek, math and
    // correct typography: text made of these holds no damage, whatever the order.
    private const string GoodCharacters =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?()[]{}'\"/\\=+*<>_#%&|~`@$^\n\t"
        + "éèêëàáäöüçñßøåłśźżğşıİœæÉÜÖÇŁŚ" + "αβγδεθλμπσωΔΘΣΩ" + "∈∉⊆∑∏∫∞≤≥≠≈→−ℝ" + "“”‘’–—•…";

    private static readonly TextNormalizer s_normalizer = new();

    [Theory]
    // Regressions found by the property below (and a 3-million-case hunt): Windows-1252 bytes F1 91 95 97
    // and the like decoded as one four-byte UTF-8 character in an unassigned plane.
    [InlineData("o∞ø5≈añ•‘œoδq+IVv≤~−y!ε→s")]
    [InlineData("s–hø—NyP:)αΘ7ñ‘•—*")]
    [InlineData("≤ö)L)vLoñ‘”–)MπLdłzCHLJ<Qå0")]
    public void Good_text_that_looks_like_four_byte_mojibake_is_left_alone(string text)
    {
        var result = s_normalizer.Normalize(text);

        result.Text.Should().BeSameAs(text);
        result.Fixes.Should().BeEmpty();
    }

    // The property: any valid text comes back unchanged unless the report names a fix. A random soup
    // of these characters can hold what only mojibake holds (è‘– is E8 91 96 read as Windows-1252, the
    // character U+8456), so a repair there is allowed, but only a reported one, at its place in the input.
    [Fact]
    public void Text_made_of_good_characters_is_unchanged_unless_the_report_names_a_fix() =>
        Gen.Char[GoodCharacters].Array[0, 400].Select(chars => new string(chars)).Sample(text =>
        {
            var result = s_normalizer.Normalize(text);
            if (result.Fixes.Count == 0)
                result.Text.Should().BeSameAs(text);
            foreach (var fix in result.Fixes)
                text.Substring(fix.Offset, fix.Before.Length).Should().Be(fix.Before);
        });

    [Fact]
    public void Each_fix_points_at_its_sequence_in_the_input() =>
        Gen.Int[0, 255_000].Select(Gen.Int[50, 4000]).Sample((start, length) =>
        {
            var seed = s_seed001.Value;
            var text = seed.Substring(start, Math.Min(length, seed.Length - start));
            foreach (var fix in s_normalizer.Normalize(text).Fixes)
            {
                if (fix.Kind is RepairKind.LossyMojibake or RepairKind.SpacingDiacritic)
                    text.Substring(fix.Offset, fix.Before.Length).Should().Be(fix.Before);
            }
        }, iter: 200);

    private static readonly Lazy<string> s_seed001 = new(() => SeedFiles.Text(SeedFiles.ChunkTable));
}
