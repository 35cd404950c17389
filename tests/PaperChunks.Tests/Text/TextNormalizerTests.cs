using FluentAssertions;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

public sealed class TextNormalizerTests
{
    private static readonly TextNormalizer s_normalizer = new();

    private static string Repair(string text) => s_normalizer.Normalize(text).Text;

    [Fact]
    public void Returns_the_same_instance_with_no_fixes_for_clean_text()
    {
        var text = "Batch normalization (Ioffe & Szegedy, 2015) is a state-of-the-art technique.";

        var result = s_normalizer.Normalize(text);

        result.Text.Should().BeSameAs(text);
        result.Changed.Should().BeFalse();
        result.Fixes.Should().BeEmpty();
        result.Undecided.Should().BeEmpty();
    }

    [Fact]
    public void Allocates_nothing_for_clean_text()
    {
        var text = new string('a', 10_000) + " state-of-the-art x ∈ ℝ, déjà vu";
        s_normalizer.Normalize(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        s_normalizer.Normalize(text);
        var after = GC.GetAllocatedBytesForCurrentThread();

        (after - before).Should().Be(0);
    }

    [Theory]
    [InlineData("GÃ¼lÃ§ehre", "Gülçehre")]           // ü = C3 BC, ç = C3 A7 read as Latin-1
    [InlineData("dÃ©jÃ\u00A0 vu", "déjà vu")]       // à = C3 A0: the A0 is a no-break space
    [InlineData("the networkâ€™s output", "the network’s output")] // ’ = E2 80 99 read as Windows-1252
    [InlineData("ÃƒÂ©tude", "étude")]                 // é decoded wrongly twice: C3 83 C2 A9
    [InlineData("naÃ¯ve", "naïve")]
    public void Repairs_lossless_mojibake(string damaged, string expected) =>
        Repair(damaged).Should().Be(expected);

    [Theory]
    [InlineData("Natural gradient works efï¬ciently in learning", "Natural gradient works efficiently in learning")]
    [InlineData("Netï¬ix", "Netflix")]
    [InlineData("the âï¬nalâ layer", "the “final” layer")]
    [InlineData("pp. 315â323, 2011", "pp. 315–323, 2011")]
    [InlineData("K = Aâ1 + U Sâ1U T", "K = A−1 + U S−1U T")]
    [InlineData("the same ârate,â we require the change in eq", "the same “rate,” we require the change in eq")]
    [InlineData("Gaussian Wk â¼ N (0, I)", "Gaussian Wk ∼ N (0, I)")]
    [InlineData("affect a CNNâs generalization", "affect a CNN’s generalization")]
    [InlineData("as we donât have enough", "as we don’t have enough")]
    [InlineData("18 | ⢠BPR: Bayesian Personalized Ranking", "18 | • BPR: Bayesian Personalized Ranking")]
    [InlineData("E(a) ⤠1 (36)", "E(a) ≤ 1 (36)")]
    public void Repairs_lossy_mojibake_from_seed_001(string damaged, string expected) =>
        Repair(damaged).Should().Be(expected);

    [Theory]
    [InlineData("convolutions with 3Ã3 kernels", "convolutions with 3×3 kernels")]          // × C3 97, the 97 lost
    [InlineData("to the form zN = RCN Ã1Ã1, where CN is", "to the form zN = RCN ×1×1, where CN is")]
    [InlineData("ÇaËglar Gülçehre", "Çağlar Gülçehre")]                                    // ˘ CB 98, the 98 lost
    [InlineData("TomáËs Mikolov", "Tomáš Mikolov")]                                        // ˇ CB 87, the 87 lost
    [InlineData("OndËrej Dušek", "Ondřej Dušek")]
    [InlineData("RoËzek et al. show, as Rożek did", "Rożek et al. show, as Rożek did")]     // ž or ż: the document spells it
    [InlineData("we propose an oï¬-policy trust region", "we propose an off-policy trust region")]
    [InlineData("the oï¬ switch", "the off switch")]
    public void Repairs_lossy_pdf_damage_its_context_decides(string damaged, string expected) =>
        Repair(damaged).Should().Be(expected);

    [Fact]
    public void Reports_a_lost_spacing_accent_several_letters_fit()
    {
        var text = "Zdenka HaËna";

        var result = s_normalizer.Normalize(text);

        result.Text.Should().BeSameAs(text);
        result.Undecided.Should().ContainSingle().Which.Should().Be(new UndecidedSequence(
            RepairKind.LossyMojibake, 9, "Zdenka HaËna", "Ën is a spacing accent (CB xx) with its second byte lost: ň ṅ ñ all fit"));
    }

    [Theory]
    [InlineData("activation Ëht: ht = (1 â zt)htâ1 + zt Ëht")]   // a hat over a formula's h: no letter before it
    [InlineData("ratio ( ËCk,i,j) per layer")]
    [InlineData("CITROËN and NOËL")]
    public void Leaves_a_lost_accent_outside_a_word_unchanged(string text) =>
        Repair(text).Should().NotContainAny("ĥ", "Č", "Ĉ", "ȟ").And.Contain("Ë");

    [Fact]
    public void Leaves_a_ligature_two_equally_common_words_could_take_as_undecided()
    {
        var text = "the ï¬ats plan is ready";

        var result = s_normalizer.Normalize(text);

        result.Text.Should().BeSameAs(text);
        result.Undecided.Should().ContainSingle().Which.Should().Be(new UndecidedSequence(
            RepairKind.LossyMojibake, 4, "the ï¬ats plan is ", "ï¬ in \"ï¬ats\": fiats / flats are all words"));
    }

    [Theory]
    [InlineData("layer, a ï¬at curve is better", "layer, a flat curve is better")]                 // flat is far more common than fiat
    [InlineData("a fiat currency: the ï¬at value", "a fiat currency: the fiat value")]              // the document's own word comes first
    public void Breaks_a_ligature_tie_by_word_frequency_after_the_document(string damaged, string expected) =>
        Repair(damaged).Should().Be(expected);

    [Theory]
    [InlineData("this is a non- trivial problem", "this is a non-trivial problem")]
    [InlineData("Nice: Non- linear independent components estimation", "Nice: Non-linear independent components estimation")] // seed 000, the NICE title
    [InlineData("We used multi- scale training", "We used multi-scale training")]                   // seed 001
    [InlineData("highly nontrivial, and a non- trivial one", "highly nontrivial, and a nontrivial one")] // the document spells it closed
    [InlineData("this is non- sense", "this is nonsense")]                                        // among the most common words
    public void Keeps_the_hyphen_after_a_prefix_unless_the_closed_word_is_the_usual_spelling(string damaged, string expected) =>
        Repair(damaged).Should().Be(expected);

    [Fact]
    public void Reports_each_fix_with_its_offset_in_the_input()
    {
        var result = s_normalizer.Normalize("a ﬁle, efï¬ciently: J¨urgen");

        result.Text.Should().Be("a file, efficiently: Jürgen");
        result.Fixes.Should().Equal(
            new TextFix(RepairKind.LossyMojibake, 7, "efï¬ciently", "efficiently"),
            new TextFix(RepairKind.Ligature, 2, "ﬁ", "fi"),
            new TextFix(RepairKind.SpacingDiacritic, 21, "¨u", "ü"));
    }

    [Theory]
    [InlineData("ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ", "ff fi fl ffi ffl st st")]
    [InlineData("signiﬁcant", "significant")]
    public void Spells_out_ligature_code_points(string text, string expected) =>
        Repair(text).Should().Be(expected);

    [Theory]
    [InlineData("Schmidhuber, J¨urgen.", "Schmidhuber, Jürgen.")]
    [InlineData("Bottou, L´eon.", "Bottou, Léon.")]
    [InlineData("In Neuro-N¨ımes, 1992", "In Neuro-Nïmes, 1992")]
    [InlineData("Kr¨ahenb ¨uhl1, Carl Doersch1", "Krähenb ühl1, Carl Doersch1")]
    [InlineData("´Swirszcz", "Świrszcz")]
    [InlineData("Ça˘glar Gülçehre", "Çağlar Gülçehre")]
    [InlineData("Fran¸cois", "François")]
    [InlineData("Gu¨lc", "Gülc")]
    public void Joins_spacing_diacritics_to_their_letter(string text, string expected) =>
        Repair(text).Should().Be(expected);

    [Fact]
    public void Leaves_an_acute_accent_used_as_an_apostrophe()
    {
        var text = "John´s model and we don´t know";

        s_normalizer.Normalize(text).Text.Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("tivations with a par- ticular center", "tivations with a particular center")]
    [InlineData("propose an RNN- based approach", "propose an RNN-based approach")]
    [InlineData("a state-of-the- art model", "a state-of-the-art model")]
    [InlineData("initializations that are warm- starts", "initializations that are warm-starts")]
    [InlineData("Even for a medium- sized webshop", "Even for a medium-sized webshop")]
    [InlineData("from a con- ï¬uence of several", "from a confluence of several")]
    public void Joins_words_broken_at_a_line_end(string text, string expected) =>
        Repair(text).Should().Be(expected);

    [Fact]
    public void Keeps_the_hyphen_the_document_spells_elsewhere()
    {
        var text = "We use pre-trained networks. Each pre- trained network is fine-tuned.";

        Repair(text).Should().Be("We use pre-trained networks. Each pre-trained network is fine-tuned.");
    }

    [Fact]
    public void Learns_compounds_from_the_corpus_vocabulary()
    {
        var vocabulary = CorpusVocabulary.FromTexts(["an e-commerce site"]);
        var normalizer = new TextNormalizer(TextNormalizerOptions.Default, vocabulary);

        normalizer.Normalize("click-streams of an e- commerce site").Text.Should().Be("click-streams of an e-commerce site");
        s_normalizer.Normalize("click-streams of an e- commerce site").Undecided.Should().ContainSingle()
            .Which.Reason.Should().Be("\"ecommerce\" is not a known word and \"e-commerce\" is not a known compound");
    }

    [Fact]
    public void Leaves_a_suspended_hyphen_alone()
    {
        var text = "both pre- and post-training";

        s_normalizer.Normalize(text).Text.Should().BeSameAs(text);
    }

    [Fact]
    public void Removes_invisible_characters_and_keeps_no_break_spaces()
    {
        var result = s_normalizer.Normalize("hyphen\u00ADation\u200B, ze\u0007ro and\u00A0space\uFEFF");

        result.Text.Should().Be("hyphenation, zero and\u00A0space");
        result.Fixes.Should().HaveCount(4).And.OnlyContain(f => f.Kind == RepairKind.InvisibleCharacter);
    }

    [Fact]
    public void Makes_no_break_spaces_spaces_only_when_asked()
    {
        var replacing = new TextNormalizer(TextNormalizerOptions.Default with { ReplaceNoBreakSpaces = true });

        replacing.Normalize("10\u00A0km and\u00A0more").Text.Should().Be("10 km and more");
        s_normalizer.Normalize("10\u00A0km").Text.Should().Be("10\u00A0km");
    }

    [Fact]
    public void Keeps_zero_width_joiners_outside_latin_words()
    {
        var text = "family 👨\u200D👩\u200D👧 and नमस्\u200Dते";

        s_normalizer.Normalize(text).Text.Should().BeSameAs(text);
    }

    [Fact]
    public void Leaves_scitldr_markers_unless_asked()
    {
        var text = "a popular framework BID6 (as in FIG0) (; ;).";
        var removing = new TextNormalizer(TextNormalizerOptions.Default with { RemoveSciTldrMarkers = true });

        s_normalizer.Normalize(text).Text.Should().BeSameAs(text);
        removing.Normalize(text).Text.Should().Be("a popular framework (as in).");
    }

    [Fact]
    public void Switches_each_repair_off()
    {
        var text = "efï¬ciently ﬁle J¨urgen par- ticular a\u00A0b";
        var none = new TextNormalizer(new TextNormalizerOptions
        {
            RepairLosslessMojibake = false,
            RepairLossyMojibake = false,
            ExpandLigatures = false,
            JoinSpacingDiacritics = false,
            JoinHyphenation = false,
            RemoveInvisibleCharacters = false,
        });
        var onlyLigatures = new TextNormalizer(new TextNormalizerOptions
        {
            RepairLossyMojibake = false,
            JoinSpacingDiacritics = false,
            JoinHyphenation = false,
            RemoveInvisibleCharacters = false,
        });

        none.Normalize(text).Text.Should().BeSameAs(text);
        onlyLigatures.Normalize(text).Text.Should().Be("efï¬ciently file J¨urgen par- ticular a\u00A0b");
    }
}
