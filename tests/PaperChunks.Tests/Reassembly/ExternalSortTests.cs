using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

public class ExternalSortTests
{
    [Fact]
    public void Spills_sorted_runs_under_a_small_limit_and_rebuilds_the_same_papers()
    {
        using var temp = new TempDirectory();
        var rows = ShuffledRows(papers: 24, chunksPerPaper: 100);
        rows.Add(rows[0] with { ChunkId = 100, Id = rows[0].Doi + "#100", Chunk = new string('x', 200_000) });
        var spilling = new PaperReassembler(new ReassemblyOptions { MemoryLimitBytes = 1024 * 1024, TempDirectory = temp.Path });
        var inMemory = new PaperReassembler();

        var spilled = spilling.Reassemble(rows).ToList();
        var expected = inMemory.Reassemble(rows).ToList();

        spilling.RunsSpilled.Should().BeGreaterThan(3);
        inMemory.RunsSpilled.Should().Be(0);
        spilled.Should().Equal(expected);
        spilled.Should().HaveCount(24);
        spilled.Single(p => p.Doi == rows[0].Doi).Text.Should().EndWith("\n" + new string('x', 200_000));
        spilling.Report.Chunks.Should().Be(rows.Count);
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Deletes_its_temporary_files_when_the_caller_stops_early()
    {
        using var temp = new TempDirectory();
        var reassembler = new PaperReassembler(new ReassemblyOptions { MemoryLimitBytes = 1024 * 1024, TempDirectory = temp.Path });
        using var cancel = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var paper in reassembler.ReassembleAsync(ShuffledRows(6, 80).ToAsyncEnumerable(), cancel.Token))
            {
                Directory.EnumerateFileSystemEntries(temp.Path).Should().NotBeEmpty();
                await cancel.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    private static List<ChunkRecord> ShuffledRows(int papers, int chunksPerPaper)
    {
        var random = new Random(7);
        var rows = new List<ChunkRecord>();
        for (var p = 0; p < papers; p++)
        {
            var doi = $"2401.{p:D5}";
            for (var c = 0; c < chunksPerPaper; c++)
            {
                var words = string.Join(' ', Enumerable.Range(0, 200).Select(_ => random.Next(100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));
                rows.Add(new ChunkRecord
                {
                    Doi = doi,
                    ChunkId = c,
                    Chunk = $"chunk {c} of {doi}: {words}",
                    Id = $"{doi}#{c}",
                    Title = $"Paper {p}",
                    Summary = new string('s', 1500),
                    Authors = ["Laurent Dinh", "Razvan Pascanu"],
                    Comment = p % 2 == 0 ? null : "8 pages",
                    References = [new PaperReference("1609.03193")],
                });
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        return rows;
    }
}
