using CsCheck;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>Under skip-and-report, every input row is either returned or reported: none vanish.</summary>
public class NothingLostTests
{
    [Fact]
    public void Rows_read_plus_rows_reported_equal_the_rows_in_a_damaged_jsonl_file()
    {
        var lines = File.ReadAllLines(SampleFiles.Chunks000);
        using var original = new JsonlChunkReader(SampleFiles.Chunks000);
        var expected = original.ReadAll().ToList();

        Gen.Int[0, lines.Length - 1].HashSet[1, 30].Select(Gen.Double[0, 1]).Sample((damaged, where) =>
        {
            // A raw control character is invalid anywhere in a JSON row, so each damaged line is a bad row.
            var text = string.Join("\n", lines.Select((l, i) => damaged.Contains(i) ? l.Insert((int)(where * l.Length), "\u0001") : l)) + "\n";
            using var reader = new JsonlChunkReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });

            var rows = reader.ReadAll().ToList();

            (reader.RecordsRead + reader.ErrorCount).Should().Be(lines.Length);
            reader.Errors.Select(e => e.Line - 1).Should().BeEquivalentTo(damaged.Select(i => (long)i));
            rows.Should().Equal(expected.Where((_, i) => !damaged.Contains(i)));
        }, iter: 100);
    }
}
