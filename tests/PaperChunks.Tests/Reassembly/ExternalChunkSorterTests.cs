using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Reassembly;

public class ExternalChunkSorterTests
{
    [Fact]
    public void Rows_come_back_field_for_field_in_doi_then_chunk_order_through_spilled_runs()
    {
        using var temp = new TempDirectory();
        var rows = Rows().ToList();
        using var sorter = Filled(1024 * 1024, temp.Path, rows);

        var sorted = sorter.Sorted().ToList();

        sorter.RunsSpilled.Should().BeGreaterThan(1);
        sorted.Select(s => s.Sequence).Should().Equal(
            rows.Select((row, i) => (row, i)).OrderBy(x => x.row.Doi, StringComparer.Ordinal).ThenBy(x => x.row.ChunkId).ThenBy(x => x.i).Select(x => (long)x.i));
        foreach (var (row, seq) in sorted)
        {
            row.Should().BeEquivalentTo(rows[(int)seq], o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public void An_input_that_did_not_fit_has_its_last_batch_spilled_too_so_the_merge_holds_no_batch()
    {
        using var temp = new TempDirectory();
        var rows = Rows().ToList();
        using var sorter = Filled(1024 * 1024, temp.Path, rows);

        var spilledWhileAdding = sorter.RunsSpilled;
        var sorted = sorter.Sorted();
        var spilledBeforeMerging = sorter.RunsSpilled;

        spilledWhileAdding.Should().BeGreaterThan(1);
        spilledBeforeMerging.Should().Be(spilledWhileAdding + 1);
        sorted.Should().HaveCount(600);
    }

    [Fact]
    public void An_input_that_fits_is_sorted_in_memory_without_a_run_file()
    {
        using var temp = new TempDirectory();
        using var sorter = Filled(256L * 1024 * 1024, temp.Path, Rows());

        sorter.Sorted().Should().HaveCount(600);

        sorter.RunsSpilled.Should().Be(0);
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    private static ExternalChunkSorter Filled(long memoryLimit, string folder, IEnumerable<ChunkRecord> rows)
    {
        var sorter = new ExternalChunkSorter(memoryLimit, folder);
        foreach (var row in rows)
        {
            sorter.Add(row);
        }

        return sorter;
    }

    private static IEnumerable<ChunkRecord> Rows()
    {
        var random = new Random(11);
        for (var i = 0; i < 600; i++)
        {
            var paper = random.Next(5);
            var doi = paper == 4 ? "2402.0000\u00e9" : $"2401.0000{paper}";
            var id = random.Next(120);
            yield return new ChunkRecord
            {
                Doi = doi,
                ChunkId = id,
                Chunk = $"chunk {id} \u00a0 \U0001F600 caf\u00e9 " + new string('w', random.Next(4000)),
                Id = $"{doi}#{id}",
                Title = paper == 3 && i % 7 == 0 ? "A title that disagrees" : $"Paper {paper}",
                Summary = new string('s', 1500),
                Source = $"http://arxiv.org/pdf/{doi}",
                Authors = paper == 1 ? [] : ["Laurent Dinh", "Samy Bengio"],
                Categories = ["cs.LG", "stat.ML"],
                Comment = paper % 2 == 0 ? null : "8 pages",
                JournalRef = paper == 2 ? "ICLR 2017" : null,
                PrimaryCategory = "cs.LG",
                Published = paper == 0 ? null : "20160527",
                Updated = "20170227",
                References = paper == 1 ? [] : [new PaperReference("1609.03193"), new PaperReference("1511.06434")],
                AbsentFields = paper == 2 ? ChunkFields.Comment : default,
                ExtraFields = i % 3 == 0 ? [new ExtraField("license", "\"cc-by\""), new ExtraField("score", "0.5")] : [],
            };
        }
    }
}
