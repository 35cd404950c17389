using System.Text;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// A column whose type shows only in later rows (null or absent in the first ones): reading does not take the early
/// rows for a type, and Parquet output, whose column types the first row fixes, names the row and column it cannot hold.
/// The extra-column case (null, then a list, then a number) is in <see cref="ExtraColumnTests"/>.
/// </summary>
public sealed class LateColumnTypeTests
{
    private const string Joined = "{\"doi\":\"1703.05175\",\"chunk-id\":2,\"chunk\":\"c\",\"authors\":\"Jake Snell, Kevin Swersky\"}\n";

    private static (List<ChunkRecord> Rows, List<string> Errors) Read(string text)
    {
        using var reader = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions { SourceName = "late.jsonl", ErrorPolicy = ErrorPolicy.SkipAndReport });
        var rows = reader.ReadAll().ToList();
        return (rows, reader.Errors.Select(e => e.Message).ToList());
    }

    [Fact]
    public void A_null_list_does_not_fix_the_type_a_later_joined_string_shows()
    {
        var (rows, errors) = Read("{\"doi\":\"1703.05175\",\"chunk-id\":1,\"chunk\":\"c\",\"authors\":null}\n" + Joined);

        // The null has no place in the typed record (a list): reported, and the later row is read as it is.
        errors.Should().Equal("late.jsonl:1:56: field \"authors\": expected a list of strings, found null");
        rows.Should().ContainSingle().Which.Authors.Should().Equal("Jake Snell", "Kevin Swersky");
        rows[0].Schema.Authors.Should().Be(ChunkColumnType.CommaSeparatedString);
    }

    [Fact]
    public async Task Convert_writes_a_column_whose_type_showed_after_the_first_row_the_first_rows_way()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("late.jsonl"), "{\"doi\":\"1703.05175\",\"chunk-id\":1,\"chunk\":\"c\"}\n" + Joined);

        var run = await CliRun.RunAsync("convert", temp.File("late.jsonl"), "-o", temp.File("s.parquet"));

        // The first row (no authors) fixed authors as a list; the joined names survive as a list exactly.
        run.Exit.Should().Be(0, run.Error);
        using var reader = PaperChunksReader.OpenChunks(temp.File("s.parquet"));
        var rows = reader.ReadAll().ToList();
        rows.Select(r => r.Schema.Authors).Should().Equal(ChunkColumnType.StringList, ChunkColumnType.StringList);
        rows[1].Authors.Should().Equal("Jake Snell", "Kevin Swersky");
    }

    [Fact]
    public void The_parquet_writer_names_the_row_and_column_it_cannot_hold()
    {
        using var temp = new TempDirectory();
        var (rows, _) = Read("{\"doi\":\"1703.05175\",\"chunk-id\":1,\"chunk\":\"c\"}\n" + Joined);
        var path = temp.File("s.parquet");

        var write = () =>
        {
            using var writer = PaperChunksWriter.CreateChunks(path);
            writer.WriteAll(rows);
        };

        write.Should().Throw<PaperChunksOutputException>().Which.Message.Should().StartWith(
            path + ": the row of paper \"1703.05175\" chunk 2, column \"authors\": it comes from a source that stores its columns as chunk-id int64, authors string,");
        File.Exists(path).Should().BeFalse();
    }
}
