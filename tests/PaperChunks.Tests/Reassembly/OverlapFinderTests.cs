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
            OverlapFinder.RawBorders(previous, next).Should().Equal(BruteBorders(previous, next), "{0} | {1}", previous, next);
        }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void Raw_borders_are_found_whole_when_the_next_chunk_starts_with_the_previous_ones_tail()
    {
        // Long borders (past the anchor's length) are the common case of a real overlap; a wider alphabet
        // keeps anchor places few, so the vectorized search answers and is checked here against brute force.
        var text = Gen.Char["abcde .\n"].Array[0, 40].Select(c => new string(c));
        Gen.Select(text, text, text).Sample((head, shared, tail) =>
        {
            var (previous, next) = (head + shared, shared + tail);
            OverlapFinder.RawBorders(previous, next).Should().Equal(BruteBorders(previous, next), "{0} | {1}", previous, next);
        }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void Collapsed_border_is_the_longest_word_aligned_border_of_the_collapsed_texts()
    {
        var text = Gen.Char["ab .\n"].Array[0, 30].Select(c => new string(c));
        Gen.Select(text, text, text).Sample((head, shared, tail) =>
        {
            var (previous, next) = (head + shared, shared.Replace(' ', '\n') + tail);
            var expected = BruteCollapsedBorder(previous, next);
            OverlapFinder.CollapsedBorder(previous, next).Should().Be(expected, "{0} | {1}", previous, next);
            OverlapFinder.CollapsedBorderByKmp(previous, next).Should().Be(expected, "{0} | {1}", previous, next);
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

    private static IEnumerable<int> BruteBorders(string previous, string next) =>
        Enumerable.Range(1, Math.Min(previous.Length, next.Length)).Reverse()
            .Where(k => previous.EndsWith(next[..k], StringComparison.Ordinal)).Take(OverlapFinder.MaxBorders);

    private static int BruteCollapsedBorder(string previous, string next)
    {
        static string Collapse(string s) => string.Join(' ', s.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var (p, n) = (Collapse(previous), Collapse(next));
        for (var length = Math.Min(p.Length, n.Length); length > 0; length--)
        {
            var start = p.Length - length;
            if (p.EndsWith(n[..length], StringComparison.Ordinal) && (start == 0 || p[start - 1] == ' ')
                && (length == n.Length || n[length] == ' '))
            {
                return length;
            }
        }

        return 0;
    }
}
