using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

public class PartReassemblyTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 7)]
    [InlineData(4, 4)]
    public void Parts_read_on_several_threads_give_the_papers_and_report_of_the_parts_in_order(int threads, int partCount)
    {
        using var temp = new TempDirectory();
        var rows = Shuffled(seed: 5);
        var options = new ReassemblyOptions { MemoryLimitBytes = 1024 * 1024, TempDirectory = temp.Path, ReadThreads = threads };
        var parts = Cut(rows, partCount);
        // Three copies of one chunk id: the first at the end of part 0, a different one at the start of
        // part 1 (lower in its own part's count), the original last. The first in input order must win.
        var target = rows[0];
        parts[0].RemoveAt(0);
        parts[^1].Add(target);
        parts[0].Add(target with { Chunk = "the first copy" });
        parts[1].Insert(0, target with { Chunk = "a later, different copy" });
        rows = parts.SelectMany(p => p).ToList();

        var sequential = new PaperReassembler(options with { ReadThreads = 1 });
        var expected = sequential.Reassemble(rows).ToList();
        var parallel = new PaperReassembler(options);
        var papers = parallel.Reassemble(parts.Cast<IEnumerable<ChunkRecord>>().ToList()).ToList();

        papers.Should().Equal(expected);
        parallel.Report.Should().BeEquivalentTo(sequential.Report, o => o.WithStrictOrdering());
        papers.Single(p => p.Doi == target.Doi).Text.Should().Contain("the first copy").And.NotContain("a later, different copy");
        parallel.Report.Conflicts.Should().ContainSingle(c => c.Doi == target.Doi && c.ChunkId == target.ChunkId);
        parallel.RunsSpilled.Should().BeGreaterThan(1);
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void The_first_failing_part_in_input_order_is_rethrown_after_earlier_parts_finish()
    {
        var rows = Shuffled(seed: 9);
        var finished = new bool[3];
        IEnumerable<ChunkRecord> Part(int index, bool fails, int delayMs)
        {
            foreach (var row in rows.Skip(index * 10).Take(10))
            {
                Thread.Sleep(delayMs);
                yield return row;
            }

            finished[index] = true;
            if (fails)
            {
                throw new PaperChunksFormatException("corpus.jsonl", index + 1, 1, null, $"part {index} is bad");
            }
        }

        var reassembler = new PaperReassembler(new ReassemblyOptions { ReadThreads = 3 });
        // Part 2 fails first (no delay); part 1, slower, fails later, and its error comes first in the input.
        var act = () => reassembler.Reassemble([Part(0, false, 5), Part(1, true, 10), Part(2, true, 0)]).ToList();

        act.Should().Throw<PaperChunksFormatException>().WithMessage("corpus.jsonl:2:1: part 1 is bad");
        finished[0].Should().BeTrue();
    }

    [Fact]
    public void A_failing_first_part_stops_the_parts_after_it()
    {
        var rows = Shuffled(seed: 9);
        var read = 0;
        IEnumerable<ChunkRecord> Failing()
        {
            yield return rows[0];
            throw new PaperChunksFormatException("corpus.jsonl", 1, 1, null, "part 0 is bad");
        }

        IEnumerable<ChunkRecord> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref read);
                Thread.Sleep(1);
                yield return rows[i % rows.Count];
            }
        }

        var reassembler = new PaperReassembler(new ReassemblyOptions { ReadThreads = 2 });
        var act = () => reassembler.Reassemble([Failing(), Endless()]).ToList();

        act.Should().Throw<PaperChunksFormatException>().WithMessage("corpus.jsonl:1:1: part 0 is bad");
        read.Should().BeLessThan(10_000);
    }

    /// <summary>The rows of seeds 000 and 001 together, in a shuffled order.</summary>
    private static List<ChunkRecord> Shuffled(int seed)
    {
        var seeds = SeedChunkRows.ViewerLines().Concat(SeedChunkRows.PipeTable()).ToList();
        // The seeds twice over (the copies as other papers), enough to spill under the smallest limit.
        var rows = seeds.Concat(seeds.Select(r => r with { Doi = r.Doi + "v2", Id = r.Doi + "v2#" + r.ChunkId })).ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        return rows;
    }

    private static List<List<ChunkRecord>> Cut(List<ChunkRecord> rows, int parts) =>
        Enumerable.Range(0, parts)
            .Select(p => rows.Skip(rows.Count * p / parts).Take((rows.Count * (p + 1) / parts) - (rows.Count * p / parts)).ToList())
            .ToList();
}
