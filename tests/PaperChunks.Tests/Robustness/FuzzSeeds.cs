using CsCheck;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// CsCheck seeds for the fuzz tests. CsCheck uses a <c>seed:</c> for the first iteration only and draws the
/// rest at random, so a CI run of <c>Sample(seed: s, iter: 400)</c> was 399 new cases each time and could fail
/// on a case no change made. CI therefore runs a fixed list of seeds, one iteration each; the long modes
/// draw fresh ones. A seed printed by a failure replays with <see cref="Replay{T}"/> or <c>CsCheck_Seed</c>.
/// </summary>
internal static class FuzzSeeds
{
    /// <summary>The same <paramref name="count"/> seeds on every run: <paramref name="first"/> (a seed that found a bug), then seeds of a fixed PCG stream.</summary>
    public static IReadOnlyList<string> Fixed(string first, int count)
    {
        var seeds = new List<string>(count) { first };
        for (var i = 1; i < count; i++)
        {
            seeds.Add(new PCG((uint)i, 20261202UL + (ulong)i).ToString());
        }

        return seeds;
    }

    /// <summary>New random seeds, different on every run.</summary>
    public static IEnumerable<string> Fresh(long count)
    {
        for (var i = 0L; i < count; i++)
        {
            yield return new PCG(PCG.ThreadPCG.Next(), PCG.ThreadPCG.Next64()).ToString();
        }
    }

    /// <summary>The value CsCheck's <c>Sample(seed: <paramref name="seed"/>)</c> tries first.</summary>
    public static T Replay<T>(Gen<T> gen, string seed) => gen.Generate(PCG.Parse(seed), null, out _);
}
