using CsCheck;
using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;
using static PaperChunks.Tests.Reassembly.ReassemblyAssertions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Fixed character windows (Chonkie's character <c>TokenChunker</c>: <c>size</c> characters every
/// <c>size - overlap</c>, cut anywhere, whitespace kept) over real paper text, with and without overlap,
/// shuffled, with repeated rows and dropped chunks: a paper with every chunk comes back character for
/// character, one with gaps word for word, and every span points at its chunk.
/// </summary>
public class FixedWindowPropertyTests
{
    private static readonly string[] Texts = [.. RealSplitterFixtureTests.Originals().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];

    // Skipped, not passed: 1,500 cases pass, but 60,000 still find rare wrong papers: CsCheck seed dxl7ehm59Gw2
    // (text 7, 642/0, window 1 dropped: one joint "zero me" | "an with" and no other sign that the windows cut
    // anywhere) and text 32, 274/0, all kept, Check seed -816577821 (a "0.00 0.00" table repeats 10 and 15
    // characters at two joints, so the paper looks recursive). Every earlier finding is fixed and pinned in
    // FixedWindowRegressionTests (the first, 174/3, in RegimeReportTests).
    [Fact(Skip = "Issue 15 open: rare cases still fail, e.g. CsCheck seed dxl7ehm59Gw2 (642/0 windows, one joint left by a gap)")]
    public void Fixed_windows_shuffled_and_reassembled_restore_the_text()
    {
        Gen.Select(Gen.Int[0, Texts.Length - 1], Gen.Int[60, 700], Gen.Int[0, 40], Gen.Int[0, 15], Gen.Int[0, 20], Gen.Int)
            .Sample((text, size, overlapPercent, dropPercent, duplicatePercent, seed) =>
                Check(Texts[text], size, size * overlapPercent / 100, dropPercent, duplicatePercent, seed), iter: 1_500, threads: 2);
    }

    private static void Check(string text, int size, int overlap, int dropPercent, int duplicatePercent, int seed)
    {
        var random = new Random(seed);
        var windows = Windows(text, size, overlap);
        var kept = Enumerable.Range(0, windows.Count).Where(i => i == 0 || random.Next(100) >= dropPercent).ToList();
        var rows = kept.SelectMany(i => Enumerable.Repeat(Row(i, windows[i].Text), random.Next(100) < duplicatePercent ? 2 : 1)).ToArray();
        random.Shuffle(rows);

        var paper = new PaperReassembler().Reassemble(rows).Single();

        var scenario = $"size {size}, overlap {overlap}, drop {dropPercent} %, seed {seed}";
        if (kept.Count == windows.Count)
        {
            paper.Text.Should().Be(text[..windows[^1].End], scenario);
        }
        else
        {
            Collapse(paper.Text).Should().Be(Collapse(KeptText(text, windows, kept)), scenario);
        }

        paper.MissingChunkIds.Should().Equal(Enumerable.Range(0, kept[^1] + 1).Except(kept).Select(i => (long)i), scenario);
        SpansPointAtTheirChunks(paper, rows);
    }

    /// <summary>Windows of <paramref name="size"/> characters every <c>size - overlap</c>, the last one ending the text.</summary>
    internal static List<(string Text, int Start, int End)> Windows(string text, int size, int overlap)
    {
        var windows = new List<(string, int, int)>();
        for (var start = 0; ; start += size - overlap)
        {
            var end = Math.Min(text.Length, start + size);
            windows.Add((text[start..end], start, end));
            if (end == text.Length)
            {
                return windows;
            }
        }
    }

    private static string KeptText(string text, List<(string Text, int Start, int End)> windows, List<int> kept)
    {
        var runs = new List<string>();
        for (var i = 0; i < kept.Count;)
        {
            var j = i;
            while (j + 1 < kept.Count && kept[j + 1] == kept[j] + 1)
            {
                j++;
            }

            runs.Add(text[windows[kept[i]].Start..windows[kept[j]].End]);
            i = j + 1;
        }

        return string.Join("\n", runs);
    }

    private static ChunkRecord Row(int id, string chunk) => PaperReassemblerTests.Row(id, chunk);
}
