using FluentAssertions;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

public sealed class CorpusVocabularyTests
{
    [Fact]
    public void Learns_words_and_hyphenated_compounds_case_insensitively()
    {
        var vocabulary = CorpusVocabulary.FromTexts(["a handful of ImageNet pre-trained models", "state-of-the-art"]);

        vocabulary.ContainsWord("imagenet").Should().BeTrue();
        vocabulary.ContainsCompound("Pre-Trained").Should().BeTrue();
        vocabulary.ContainsCompound("state-of-the-art").Should().BeTrue();
        vocabulary.ContainsCompound("of-the").Should().BeFalse();
        vocabulary.CompoundCount.Should().Be(2);
    }

    [Fact]
    public void Lets_the_corpus_decide_a_ligature_the_lexicon_cannot()
    {
        var text = "layer, a ï¬at curve is better";
        var normalizer = new TextNormalizer(TextNormalizerOptions.Default, CorpusVocabulary.FromTexts(["the loss is flat"]));

        normalizer.Normalize(text).Text.Should().Be("layer, a flat curve is better");
    }
}
