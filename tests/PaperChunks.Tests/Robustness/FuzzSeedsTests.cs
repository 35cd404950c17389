using CsCheck;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Robustness;

public class FuzzSeedsTests
{
    [Fact]
    public void The_ci_seeds_are_the_same_on_every_run_and_all_different()
    {
        var first = FuzzSeeds.Fixed("d5K33g9HSAG6", 400);
        var second = FuzzSeeds.Fixed("d5K33g9HSAG6", 400);

        first.Should().Equal(second);
        first[0].Should().Be("d5K33g9HSAG6");
        first.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_seed_replays_the_case_that_csCheck_runs_for_it()
    {
        foreach (var seed in FuzzSeeds.Fixed("0000whole19b", 20))
        {
            Mutation[]? sampled = null;
            Mutation.Several.Sample(m => sampled = m, seed: seed, iter: 1, threads: 1);

            FuzzSeeds.Replay(Mutation.Several, seed).Should().Equal(sampled);
        }
    }
}
