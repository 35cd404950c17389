using CsCheck;
using FluentAssertions;
using PaperChunks.Reassembly;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

public class OverlapFinderTests
{
    [Fact]
    public void Direct_candidate_checks_agree_with_the_kmp_search_on_repetitive_text()
    {
        // A four-letter alphabet makes every word repeat, so both the direct checks and the fall-back run.
        var text = Gen.Char["ab \n"].Array[0, 80].Select(c => new string(c));
        Gen.Select(text, text, Gen.Int[1, 6]).Sample((previous, next, min) =>
            OverlapFinder.Find(previous, next, min).Should().Be(OverlapFinder.FindByKmp(previous, next, min), "{0} | {1} | {2}", previous, next, min),
            iter: 50_000, threads: 1);
    }

    [Fact]
    public void Falls_back_to_kmp_past_eight_candidates_and_still_finds_the_longest_overlap()
    {
        var previous = string.Join(' ', Enumerable.Repeat("0.00", 20)) + " total 0.00 0.00";
        var next = "0.00 0.00\nnext row";

        OverlapFinder.Find(previous, next, 8).Should().Be(new Overlap(previous.Length - 9, 9));
    }
}
