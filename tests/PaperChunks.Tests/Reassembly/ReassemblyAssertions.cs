using System.Text;
using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;

namespace PaperChunks.Tests.Reassembly;

/// <summary>Checks shared by the seed and property tests.</summary>
internal static class ReassemblyAssertions
{
    /// <summary>Whitespace runs as one space, ends trimmed: the comparison the reassembler promises.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }

    /// <summary>Every span's stretch of the text holds its chunk's words.</summary>
    public static void SpansPointAtTheirChunks(PaperRecord paper, IEnumerable<ChunkRecord> rows)
    {
        var chunks = rows.Where(r => r.Doi == paper.Doi).GroupBy(r => r.ChunkId).ToDictionary(g => g.Key, g => g.First().Chunk);
        paper.Spans.Select(s => s.ChunkId).Should().Equal(chunks.Keys.Order());
        foreach (var span in paper.Spans)
        {
            Collapse(paper.Text.Substring(span.Start, span.Length))
                .Should().Be(Collapse(chunks[span.ChunkId]), "span of chunk {0} of {1}", span.ChunkId, paper.Doi);
        }
    }

    /// <summary>
    /// Rows of one paper cut into <paramref name="pieces"/> (each with its offsets in <paramref name="text"/>),
    /// chunks dropped (never the first) and repeated at the given rates and shuffled, are reassembled and
    /// checked: the missing ids exactly, every span at its chunk, every joint the reassembler calls certain
    /// right (<see cref="JointRight"/>: exactly where the splitter kept every character, <paramref name="exact"/>,
    /// else with whitespace collapsed), and the whole text when every joint is right.
    /// </summary>
    /// <returns>The ids of the chunks after the joints that came back wrong (each reported uncertain).</returns>
    public static List<long> CheckCutPaper(
        string text, IReadOnlyList<(string Text, int Start, int End)> pieces, bool exact, int dropPercent, int duplicatePercent, int seed, string scenario)
    {
        var random = new Random(seed);
        var kept = Enumerable.Range(0, pieces.Count).Where(i => i == 0 || random.Next(100) >= dropPercent).ToList();
        var rows = kept.SelectMany(i => Enumerable.Repeat(PaperReassemblerTests.Row(i, pieces[i].Text), random.Next(100) < duplicatePercent ? 2 : 1)).ToArray();
        random.Shuffle(rows);

        var reassembler = new PaperReassembler();
        var paper = reassembler.Reassemble(rows).Single();

        scenario += $", drop {dropPercent} %, duplicate {duplicatePercent} %, seed {seed}";
        paper.MissingChunkIds.Should().Equal(Enumerable.Range(0, kept[^1] + 1).Except(kept).Select(i => (long)i), scenario);
        SpansPointAtTheirChunks(paper, rows);

        var wrong = new List<long>();
        for (var i = 1; i < paper.Spans.Count; i++)
        {
            var (before, after) = (paper.Spans[i - 1], paper.Spans[i]);
            var (earlier, later) = (pieces[(int)before.ChunkId], pieces[(int)after.ChunkId]);
            if (after.ChunkId == before.ChunkId + 1 && !JointRight(paper.Text, before, after, text, earlier, later, exact))
            {
                wrong.Add(after.ChunkId);
            }
        }

        var joints = reassembler.Report.Regimes.Single().Joints;
        foreach (var id in wrong)
        {
            joints.Single(j => j.FirstChunkId <= id && id <= j.LastChunkId).Certainty
                .Should().NotBe(JointCertainty.Certain, "the joint before chunk {0} came back wrong ({1})", id, scenario);
        }

        if (wrong.Count == 0 && exact && kept.Count == pieces.Count)
        {
            paper.Text.Should().Be(text[pieces[0].Start..pieces[^1].End], scenario);
        }
        else if (wrong.Count == 0)
        {
            // Across a gap the reassembler puts a newline; nothing says what was between the pieces.
            Collapse(paper.Text).Should().Be(Collapse(KeptText(text, pieces, kept)), scenario);
        }

        return wrong;
    }

    /// <summary>
    /// Whether the paper continues at a joint as the original does: where the splitter kept every character, what the
    /// later chunk added after the earlier one's end is exactly the original's text between the two pieces' ends (a
    /// wrong joint before does not move that); else the stretch from the earlier span to the later one's end is the
    /// original with whitespace collapsed (a missing space still shows).
    /// </summary>
    private static bool JointRight(
        string paper, ChunkSpan before, ChunkSpan after, string text, (string Text, int Start, int End) earlier, (string Text, int Start, int End) later, bool exact) =>
        exact
            ? paper[(before.Start + before.Length)..Math.Max(before.Start + before.Length, after.Start + after.Length)] == text[earlier.End..Math.Max(earlier.End, later.End)]
            : Collapse(paper[before.Start..(after.Start + after.Length)]) == Collapse(text[earlier.Start..later.End]);

    /// <summary>The original text of each run of consecutive kept pieces, runs joined by a newline.</summary>
    private static string KeptText(string text, IReadOnlyList<(string Text, int Start, int End)> pieces, List<int> kept)
    {
        var runs = new List<string>();
        for (var i = 0; i < kept.Count;)
        {
            var j = i;
            while (j + 1 < kept.Count && kept[j + 1] == kept[j] + 1)
            {
                j++;
            }

            runs.Add(text[pieces[kept[i]].Start..pieces[kept[j]].End]);
            i = j + 1;
        }

        return string.Join("\n", runs);
    }
}
