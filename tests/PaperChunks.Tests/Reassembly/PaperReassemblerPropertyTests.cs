using System.Text;
using CsCheck;
using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;
using static PaperChunks.Tests.Reassembly.ReassemblyAssertions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Split → shuffle, drop, duplicate → reassemble restores each paper. Random texts are cut by the
/// LangChain-style <see cref="RecursiveCharacterSplitter"/> (chunk sizes 200–2000, overlaps 0–20 %).
/// Every word is unique (random letters, a serial number, a closing <c>z</c>) and at least 8
/// characters, so a real overlap is never shorter than the default minimum and a chance match cannot
/// exist: the law can then be exact. Set <c>PAPERCHUNKS_LONG_PROPERTY_TESTS=1</c> for a long run.
/// </summary>
public class PaperReassemblerPropertyTests
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("PAPERCHUNKS_LONG_PROPERTY_TESTS") == "1";

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(Gen.Int[200, 2000], Gen.Int[0, 20], Gen.Int[1, 3], Gen.Int[1, 1500], Gen.Int[0, 25], Gen.Int[0, 20], Gen.Int)
            .Select(t => new Scenario(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    [Fact]
    public void Split_shuffled_reassembled_restores_every_paper()
    {
        Scenarios.Sample(Check, iter: Long ? 200_000 : 3_000, threads: 2);
    }

    private static void Check(Scenario scenario)
    {
        var built = scenario.Build();
        var reassembler = new PaperReassembler();
        var rebuilt = reassembler.Reassemble(built.Rows).ToList();
        var papers = rebuilt.ToDictionary(p => p.Doi);

        // The same rows cut into three parts and read on two threads give the same papers.
        var third = built.Rows.Count / 3;
        IReadOnlyList<IEnumerable<ChunkRecord>> parts = [built.Rows[..third], built.Rows[third..(2 * third)], built.Rows[(2 * third)..]];
        new PaperReassembler(new ReassemblyOptions { ReadThreads = 2 }).Reassemble(parts).Should().Equal(rebuilt, "{0}", scenario);

        papers.Keys.Order().Should().Equal(built.Papers.Select(p => p.Doi));
        foreach (var expected in built.Papers)
        {
            var paper = papers[expected.Doi];
            Collapse(paper.Text).Should().Be(Collapse(expected.KeptText()), "paper {0}, {1}", expected.Doi, scenario);
            paper.MissingChunkIds.Should().Equal(expected.MissingInside());
            paper.DuplicateChunkIds.Should().Equal(expected.Duplicated.Order());
            paper.ChunkCount.Should().Be(expected.Kept.Count);
            SpansPointAtTheirChunks(paper, built.Rows);
        }

        reassembler.Report.Duplicates.Sum(d => d.IdenticalCopies).Should().Be(built.Rows.Count - built.Papers.Sum(p => p.Kept.Count));
        reassembler.Report.Conflicts.Should().BeEmpty();
    }

    /// <param name="ChunkSize">Splitter chunk size.</param>
    /// <param name="OverlapPercent">Overlap as a percentage of the chunk size.</param>
    /// <param name="PaperCount">Papers mixed in one input.</param>
    /// <param name="Words">Words per paper.</param>
    /// <param name="DropPercent">Chance of dropping each chunk.</param>
    /// <param name="DuplicatePercent">Chance of repeating each kept chunk.</param>
    /// <param name="Seed">Seed of the text, the drops, repeats and the shuffle.</param>
    internal sealed record Scenario(int ChunkSize, int OverlapPercent, int PaperCount, int Words, int DropPercent, int DuplicatePercent, int Seed)
    {
        public (List<ChunkRecord> Rows, List<ExpectedPaper> Papers) Build()
        {
            var random = new Random(Seed);
            var splitter = new RecursiveCharacterSplitter(ChunkSize, ChunkSize * OverlapPercent / 100);
            var rows = new List<ChunkRecord>();
            var papers = new List<ExpectedPaper>();
            var serial = 0;
            for (var p = 0; p < PaperCount; p++)
            {
                var doi = $"2401.{p:D5}";
                var text = RandomText(random, Words, ref serial);
                var pieces = splitter.Split(text);
                var paper = new ExpectedPaper(doi, text, pieces);
                for (var id = 0; id < pieces.Count; id++)
                {
                    var keepAnyway = id == pieces.Count - 1 && paper.Kept.Count == 0;
                    if (!keepAnyway && random.Next(100) < DropPercent)
                    {
                        continue;
                    }

                    paper.Kept.Add(id);
                    var copies = random.Next(100) < DuplicatePercent ? 1 + random.Next(2) : 0;
                    if (copies > 0)
                    {
                        paper.Duplicated.Add(id);
                    }

                    for (var c = 0; c <= copies; c++)
                    {
                        rows.Add(new ChunkRecord { Doi = doi, ChunkId = id, Chunk = pieces[id].Text, Id = $"{doi}#{id}", Title = "T" + doi });
                    }
                }

                papers.Add(paper);
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
            return (rows, papers);
        }

        private static string RandomText(Random random, int words, ref int serial)
        {
            var text = new StringBuilder();
            for (var w = 0; w < words; w++)
            {
                if (w > 0)
                {
                    var r = random.Next(100);
                    text.Append(r < 85 ? " " : r < 94 ? "\n" : r < 99 ? "\n\n" : "  ");
                }

                var letters = 6 + random.Next(5);
                for (var i = 0; i < letters; i++)
                {
                    text.Append((char)('a' + random.Next(16)));
                }

                text.Append(serial++).Append('z');
            }

            return text.ToString();
        }
    }

    internal sealed record ExpectedPaper(string Doi, string Text, IReadOnlyList<RecursiveCharacterSplitter.Piece> Pieces)
    {
        public List<int> Kept { get; } = [];

        public List<long> Duplicated { get; } = [];

        /// <summary>The original text of each run of consecutive kept chunks, runs joined by a newline.</summary>
        public string KeptText()
        {
            var runs = new List<string>();
            for (var i = 0; i < Kept.Count;)
            {
                var j = i;
                while (j + 1 < Kept.Count && Kept[j + 1] == Kept[j] + 1)
                {
                    j++;
                }

                runs.Add(Text[Pieces[Kept[i]].Start..Pieces[Kept[j]].End]);
                i = j + 1;
            }

            return string.Join("\n", runs);
        }

        public IEnumerable<long> MissingInside() =>
            Enumerable.Range(Kept[0], Kept[^1] - Kept[0] + 1).Except(Kept).Select(i => (long)i);
    }
}
