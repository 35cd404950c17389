using CsCheck;
using FluentAssertions;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>Under skip-and-report, every input row is either returned or reported: none vanish.</summary>
public class NothingLostTests
{
    // The same damaged files every run, so CI never fails on a case no change made (see ReaderFuzzTests).
    private const string FixedSeed = "d5K33g9HSAG6";

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
        }, seed: FixedSeed, iter: 100, threads: 1);
    }

    [Fact]
    public void Rows_read_plus_rows_reported_equal_the_rows_in_a_damaged_csv_file()
    {
        using var original = new JsonlChunkReader(SampleFiles.Chunks000);
        var expected = original.ReadAll().ToList();
        var (header, rows) = CsvRows(expected);

        Gen.Int[0, rows.Count - 1].HashSet[1, 30].Sample(damaged =>
        {
            // A chunk-id that is not an integer spoils only its own row, whatever the row's quoted line breaks.
            var text = header + string.Concat(rows.Select((r, i) => damaged.Contains(i) ? r.Replace($"{expected[i].Doi},{expected[i].ChunkId},", $"{expected[i].Doi},{expected[i].ChunkId}x,", StringComparison.Ordinal) : r));
            using var reader = new CsvChunkReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });

            var read = reader.ReadAll().ToList();

            (reader.RecordsRead + reader.ErrorCount).Should().Be(rows.Count);
            reader.Errors.Should().OnlyContain(e => e.Field == ChunkColumns.ChunkId);
            read.Should().Equal(expected.Where((_, i) => !damaged.Contains(i)));
        }, seed: FixedSeed, iter: 50, threads: 1);
    }

    [Theory]
    [MemberData(nameof(ReaderFuzzTests.Readers), MemberType = typeof(ReaderFuzzTests))]
    public void Rows_over_the_field_limit_are_reported_and_every_other_row_is_read(string name)
    {
        var reader = ReaderUnderTest.All.Single(r => r.Name == name);
        var all = reader.ReadAll(new MemoryStream(reader.Fixture), ReaderOptions.Default).ToList();
        var options = new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport, MaxFieldChars = 300 };
        var within = all.Where(r => PaperChunks.Formats.FieldSizeLimit.FirstOversized(r, 300) is null).ToList();

        var counted = reader.ReadAll(new MemoryStream(reader.Fixture), options).ToList();

        counted.Should().Equal(within);
        within.Count.Should().BeLessThan(all.Count, "the fixture has rows with long fields, so the limit bites");
    }

    private static (string Header, List<string> Rows) CsvRows(List<ChunkRecord> records)
    {
        var rows = new List<string>();
        var header = "";
        foreach (var record in records)
        {
            using var output = new MemoryStream();
            using (var writer = new CsvChunkWriter(output))
            {
                writer.Write(record);
                writer.Complete();
            }

            var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
            var cut = text.IndexOf('\n', StringComparison.Ordinal) + 1;
            header = text[..cut];
            rows.Add(text[cut..]);
        }

        return (header, rows);
    }
}
