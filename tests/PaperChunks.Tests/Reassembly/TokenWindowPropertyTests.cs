using CsCheck;
using Xunit;
using static PaperChunks.Tests.Reassembly.ReassemblyAssertions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Token windows (<see cref="TokenTextSplitter"/>, LangChain's <c>TokenTextSplitter</c> and Chonkie's
/// <c>TokenChunker</c>: a fixed count of tokens every so many, cut inside words, whitespace kept) over the
/// held-out real paper text, 8–200 tokens, overlaps 0–40 %, shuffled, with repeated rows and dropped chunks:
/// every joint the reassembler calls certain comes back character for character, a paper whose joints all
/// do is the original, and every span points at its chunk.
/// </summary>
public class TokenWindowPropertyTests
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("PAPERCHUNKS_LONG_PROPERTY_TESTS") == "1";

    private static readonly string[] Texts = RealSplitterFixtureTests.OriginalTexts;

    [Fact]
    public void Token_windows_shuffled_and_reassembled_restore_the_text()
    {
        Gen.Select(Gen.Int[0, Texts.Length - 1], Gen.Int[8, 200], Gen.Int[0, 40], Gen.Int[0, 15], Gen.Int[0, 20], Gen.Int)
            .Sample((text, tokens, overlapPercent, dropPercent, duplicatePercent, seed) =>
            {
                var overlap = tokens * overlapPercent / 100;
                CheckCutPaper(Texts[text], new TokenTextSplitter(tokens, overlap).Split(Texts[text]), exact: true, dropPercent, duplicatePercent, seed,
                    $"text {text}, {tokens} tokens, overlap {overlap}");
            }, iter: Long ? 100_000 : 1_000, threads: 2);
    }
}
