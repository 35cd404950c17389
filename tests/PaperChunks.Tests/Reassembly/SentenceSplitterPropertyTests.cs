using CsCheck;
using Xunit;
using static PaperChunks.Tests.Reassembly.ReassemblyAssertions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Sentences packed under a token budget (<see cref="SentenceSplitter"/>, LlamaIndex's <c>SentenceSplitter</c>:
/// overlaps of whole sentences, chunks stripped) over the held-out real paper text, 32–300 tokens, overlaps
/// 0–30 % and none at all (a sentence chunker without overlap), shuffled, with repeated rows and dropped
/// chunks: every joint the reassembler calls certain comes back with its words in order (the whitespace at
/// joints is what the splitter stripped), a paper whose joints all do is the original, and every span points at its chunk.
/// </summary>
public class SentenceSplitterPropertyTests
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("PAPERCHUNKS_LONG_PROPERTY_TESTS") == "1";

    private static readonly string[] Texts = RealSplitterFixtureTests.OriginalTexts;

    [Fact]
    public void Sentence_chunks_with_sentence_overlap_shuffled_and_reassembled_restore_the_text() =>
        Gen.Select(Gen.Int[0, Texts.Length - 1], Gen.Int[32, 300], Gen.Int[1, 30], Gen.Int[0, 15], Gen.Int[0, 20], Gen.Int)
            .Sample((text, tokens, overlapPercent, dropPercent, duplicatePercent, seed) =>
                Check(text, tokens, tokens * overlapPercent / 100, dropPercent, duplicatePercent, seed), iter: Long ? 100_000 : 1_000, threads: 2);

    [Fact]
    public void Sentence_chunks_without_overlap_shuffled_and_reassembled_restore_the_text() =>
        Gen.Select(Gen.Int[0, Texts.Length - 1], Gen.Int[32, 300], Gen.Int[0, 15], Gen.Int[0, 20], Gen.Int)
            .Sample((text, tokens, dropPercent, duplicatePercent, seed) =>
                Check(text, tokens, 0, dropPercent, duplicatePercent, seed), iter: Long ? 100_000 : 1_000, threads: 2);

    private static void Check(int text, int tokens, int overlap, int dropPercent, int duplicatePercent, int seed) =>
        _ = CheckCutPaper(Texts[text], new SentenceSplitter(tokens, overlap).Split(Texts[text]), exact: false, dropPercent, duplicatePercent, seed,
                $"text {text}, {tokens} tokens, overlap {overlap}");
}
