using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

public class RecursiveCharacterSplitterTests
{
    [Fact]
    public void Carries_trailing_words_as_overlap_like_langchain()
    {
        // LangChain RecursiveCharacterTextSplitter(chunk_size=10, chunk_overlap=4).split_text(...)
        new RecursiveCharacterSplitter(10, 4).Split("aaa bbb ccc ddd").Select(p => p.Text)
            .Should().Equal("aaa bbb", "bbb ccc", "ccc ddd");
    }

    [Fact]
    public void Prefers_paragraphs_and_loses_the_separator_at_a_joint_without_overlap()
    {
        var pieces = new RecursiveCharacterSplitter(12, 0).Split("one two\n\nthree four\nfive");

        pieces.Select(p => p.Text).Should().Equal("one two", "three four", "five");
        pieces.Select(p => p.Start).Should().Equal(0, 9, 20);
    }
}
