using FluentAssertions;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

/// <summary>The examples of each encoding mix-up, and the good text that must not be touched.</summary>
public sealed class EncodingMixupTests
{
    private static readonly TextNormalizer s_normalizer = new();

    [Theory]
    [InlineData("РґРѕСЂРѕРіРµ", "дороге")]                                     // Windows-1251
    [InlineData("LiĂ¨ge Avenue de l'HĂ´pital", "Liège Avenue de l'Hôpital")] // Windows-1250, as ftfy
    [InlineData("tĹ™etĂ­ho", "třetího")]                                      // Windows-1250 with a soft hyphen
    [InlineData("g√¢teaux", "gâteaux")]                                      // MacRoman
    [InlineData("wei√ü", "weiß")]
    [InlineData("╨┐╤Ç╨░╨▓╨╕╨╗╤î╨╜╨╛╨╡", "правильное")]                    // CP437
    [InlineData("doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t", "doesn’t")]                    // Windows-1252 three times
    [InlineData("í\u00a0½í¸\u008d", "😍")]                                 // CESU-8 surrogate halves
    [InlineData("Ã perturber", "à perturber")]                               // the no-break space became a space
    [InlineData("It was namedÂ\u00a0â€žscarsÂ´ stonesâ€œ after", "It was named\u00a0„scars´ stones“ after")]
    [InlineData("Táº¡i sao giÃ¡ háº¡t sáº§u riÃªng láº¡i lÃªn giÃ¡?", "Tại sao giá hạt sầu riêng lại lên giá?")]
    [InlineData("IL2RÎ³cKO mice", "IL2RγcKO mice")]
    [InlineData("HÃ©LLO, Â· dot", "HéLLO, · dot")]
    public void Repairs_each_kind_of_mix_up(string damaged, string expected) =>
        s_normalizer.Normalize(damaged).Text.Should().Be(expected);

    [Fact]
    public void Repairs_one_mangled_name_and_leaves_the_rest_of_the_chunk_alone()
    {
        var text = "We thank Petr Å\u00a0imÃ¡nek for comments on the SELKÄ\u00a0EDELLÄ corpus and São Paulo data.";

        var result = s_normalizer.Normalize(text);

        result.Text.Should().Be("We thank Petr Šimánek for comments on the SELKÄ\u00a0EDELLÄ corpus and São Paulo data.");
        result.Fixes.Should().Equal(
            new TextFix(RepairKind.LosslessMojibake, 14, "Å\u00a0", "Š"),
            new TextFix(RepairKind.LosslessMojibake, 18, "Ã¡", "á"));
    }

    [Fact]
    public void Maps_c1_controls_to_windows_1252_punctuation()
    {
        s_normalizer.Normalize("wait\u0085 he said \u0093yes\u0094").Text.Should().Be("wait… he said “yes”");
    }

    [Theory]
    [InlineData("SELKÄ\u00a0EDELLÄ")]
    [InlineData("Ä\u00a0on yksi kirjain")]
    [InlineData("SÃO PAULO")]
    [InlineData("¨Η Αθήνα¨ είπε")]
    [InlineData("1337 h4x0r ph34r my l33t sk1llz")]
    [InlineData("Гёте и Шиллер, ВІЛ, Дід")]
    [InlineData("« café » à Paris–Évry, ñ‘•—")]
    [InlineData("Ç, Ã, and Ã.")]
    public void Leaves_text_that_merely_looks_odd_byte_identical(string text)
    {
        var result = s_normalizer.Normalize(text);

        result.Text.Should().BeSameAs(text);
        result.Fixes.Should().BeEmpty();
    }
}
