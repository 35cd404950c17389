using CsCheck;
using FluentAssertions;
using PaperChunks.Reassembly;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

public class OverlapFinderTests
{
    [Fact]
    public void Raw_borders_are_every_suffix_that_prefixes_the_next_chunk_longest_first()
    {
        // Brute force over a small alphabet, where borders nest and repeat.
        var text = Gen.Char["ab \n"].Array[0, 60].Select(c => new string(c));
        Gen.Select(text, text).Sample((previous, next) =>
        {
            var expected = Enumerable.Range(1, Math.Min(previous.Length, next.Length)).Reverse()
                .Where(k => previous.EndsWith(next[..k], StringComparison.Ordinal)).Take(OverlapFinder.MaxBorders);
            OverlapFinder.RawBorders(previous, next).Should().Equal(expected, "{0} | {1}", previous, next);
        }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void Finds_an_overlap_that_starts_and_ends_mid_word()
    {
        OverlapFinder.RawBorders("the representati", "presentations of").Should().Equal(10);
    }

    [Fact]
    public void Finds_an_overlap_whose_whitespace_was_changed_and_places_it_on_both_texts()
    {
        var previous = "we train the model\nwith SGD";
        var next = "model with  SGD and momentum";

        var length = OverlapFinder.CollapsedBorder(previous, next);

        length.Should().Be("model with SGD".Length);
        OverlapFinder.PlaceCollapsed(previous, next, length).Should().Be(new Overlap(13, 15));
    }
}
