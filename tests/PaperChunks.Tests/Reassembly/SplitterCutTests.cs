using FluentAssertions;
using PaperChunks.Reassembly;
using Xunit;
using static PaperChunks.Tests.Reassembly.PaperReassemblerTests;

namespace PaperChunks.Tests.Reassembly;

/// <summary>Joints the held-out splitter fixtures showed, pinned one by one.</summary>
public class SplitterCutTests
{
    [Fact]
    public void A_token_window_starting_inside_a_character_takes_the_character_back_from_the_chunk_before()
    {
        // tiktoken cut the ligature's UTF-8 bytes: the later window decodes its share as U+FFFD.
        var paper = new PaperReassembler()
            .Reassemble([Row(0, "Pre-training then \uFB01ne-tuning of deep networks"), Row(1, "\uFFFDne-tuning of deep networks works well.")])
            .Single();

        paper.Text.Should().Be("Pre-training then \uFB01ne-tuning of deep networks works well.");
        paper.Spans[1].Should().Be(new PaperChunks.Records.ChunkSpan(1, 18, 39));
    }

    [Theory]
    [InlineData("support vector machine [Chang et al.", ", 2010], and bayesian model", true)]
    [InlineData("{tangruiming, li.", "zhenguo, hexiuqiang}", true)]
    [InlineData("Multiscale PixelCNN Train Val 2.", "93 2.91 2.99", true)]
    [InlineData("PNN* 128 141 132 277 129 249.", "132 ining 0.95", false)]
    [InlineData("does not always bring benefit.", "For instance, DeepFM performs", false)]
    [InlineData("for the second moment and Eq.", "(40), we get", false)]
    public void A_sentence_cut_goes_on_without_a_space_only_into_punctuation_lowercase_or_decimals(string previous, string next, bool continues) =>
        Cuts.ContinuesWord(previous, next).Should().Be(continues);
}
