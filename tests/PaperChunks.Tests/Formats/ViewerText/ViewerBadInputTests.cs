using FluentAssertions;
using PaperChunks.Formats.ViewerText;
using Xunit;

namespace PaperChunks.Tests.Formats.ViewerText;

/// <summary>Hand-made damage to the viewer seeds: truncation, shuffled cells, foreign headers.</summary>
public class ViewerBadInputTests
{
    [Fact]
    public void Rejects_a_row_truncated_by_the_end_of_the_file_with_its_row_and_line()
    {
        // Row 57 of seed 000 starts at line 58 + 56 * 15 + 1 = 899; keep its first 9 cells.
        var text = string.Join('\n', ViewerSeeds.Lines(SeedFiles.ChunkLines)[..(898 + 9)]);
        using var reader = ViewerSeeds.ChunkReader(text, name: "000.txt");

        var read = () => reader.ReadAll().ToList();

        read.Should().Throw<PaperChunksFormatException>()
            .Which.Should().BeEquivalentTo(new { Line = 899L, Field = (string?)null, Reason = "row 57 at line 899: expected 15 cells, the file ended after 9" });
        reader.RecordsRead.Should().Be(56);
    }

    [Fact]
    public void Reports_the_truncated_row_and_keeps_the_rows_before_it_under_skip_and_report()
    {
        var text = string.Join('\n', ViewerSeeds.Lines(SeedFiles.ChunkLines)[..(898 + 9)]);
        using var reader = ViewerSeeds.ChunkReader(text, ErrorPolicy.SkipAndReport, "000.txt");

        reader.ReadAll().Should().HaveCount(56);
        reader.Errors.Should().ContainSingle().Which.Message.Should().Be("000.txt:899: row 57 at line 899: expected 15 cells, the file ended after 9");
    }

    [Fact]
    public void Rejects_swapped_cells_with_the_column_and_line_that_do_not_fit()
    {
        // Row 3 of seed 000: doi on line 89, chunk-id on line 90. Swap them.
        var lines = ViewerSeeds.Lines(SeedFiles.ChunkLines);
        (lines[88], lines[89]) = (lines[89], lines[88]);
        using var reader = ViewerSeeds.ChunkReader(string.Join('\n', lines), name: "000.txt");

        var read = () => reader.ReadAll().ToList();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "000.txt:90: field \"chunk-id\": row 3: expected an integer (int64), found \"1703.04908\"");
    }

    [Fact]
    public void Reports_every_row_after_a_lost_line_and_counts_them_exactly()
    {
        // Losing row 3's title line (93) shifts every later cell up by one: its categories cell now holds the comment's null.
        var lines = ViewerSeeds.Lines(SeedFiles.ChunkLines).ToList();
        lines.RemoveAt(92);
        using var reader = ViewerSeeds.ChunkReader(string.Join('\n', lines), ErrorPolicy.SkipAndReport, "000.txt");

        var rows = reader.ReadAll().ToList();

        rows.Select(r => r.Id).Should().Equal("1703.04933#40", "1703.05175#40");
        reader.ErrorCount.Should().Be(98);
        reader.Errors[0].Message.Should().Be("000.txt:97: field \"categories\": row 3: expected a value, found null");
        reader.Errors[^1].Message.Should().Be("000.txt:1544: row 100 at line 1544: expected 15 cells, the file ended after 14");
    }

    [Fact]
    public void Rejects_swapped_cells_in_a_pipe_table_row()
    {
        var text = SeedFiles.Text(SeedFiles.ChunkTable).Replace("1511.07289 | 37 | 9\n", "37 | 1511.07289 | 9\n", StringComparison.Ordinal);
        using var reader = ViewerSeeds.ChunkReader(text, name: "001.txt");

        var read = () => reader.ReadAll().ToList();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "001.txt:46: field \"chunk-id\": row 1: expected an integer (int64), found \"1511.07289\"");
    }

    [Fact]
    public void Rejects_a_pipe_row_whose_extra_separators_cannot_be_placed()
    {
        // Row 11 (line 321) has three " | " inside its chunk; with its id broken, no placement satisfies id = doi#chunk-id.
        var text = SeedFiles.Text(SeedFiles.ChunkTable).Replace(" | 1511.07289#47 | ", " | 1511.07289#99 | ", StringComparison.Ordinal);
        using var reader = ViewerSeeds.ChunkReader(text, ErrorPolicy.SkipAndReport, "001.txt");

        var rows = reader.ReadAll().ToList();

        rows.Should().HaveCount(99);
        rows.Select(r => r.ChunkId).Should().NotContain(47);
        reader.Errors.Should().ContainSingle().Which.Message.Should().Be(
            "001.txt:321: row 11 at line 321: the row has 3 more ` | ` than column gaps, and no placement of them inside cells fits every column");
    }

    [Fact]
    public void Reports_rather_than_guesses_a_pipe_that_fits_in_title_or_summary()
    {
        // Between the id and source anchors only title and summary are free text: a " | " there fits either.
        var text = SeedFiles.Text(SeedFiles.ChunkTable).Replace("(ELU) which speeds up learning in", "(ELU) | which speeds up learning in", StringComparison.Ordinal);
        using var reader = ViewerSeeds.ChunkReader(text, ErrorPolicy.SkipAndReport, "001.txt");

        var rows = reader.ReadAll().ToList();

        rows.Should().HaveCount(84).And.OnlyContain(r => r.Doi != "1511.07289");
        reader.ErrorCount.Should().Be(16);
        reader.Errors[0].Message.Should().Be(
            "001.txt:46: row 1 at line 46: the row has 1 more ` | ` than column gaps, and they fit inside more than one column (title, summary)");
    }

    [Fact]
    public void Rejects_a_pipe_table_cut_inside_a_row()
    {
        // Keep seed 001 up to and including line 1380, inside row 54 (line 1368 on): 8 of its cells, up to its summary, are there.
        var text = string.Join('\n', ViewerSeeds.Lines(SeedFiles.ChunkTable)[..1380]);
        using var reader = ViewerSeeds.ChunkReader(text, ErrorPolicy.SkipAndReport, "001.txt");

        reader.ReadAll().Should().HaveCount(53);
        reader.Errors.Should().ContainSingle().Which.Message.Should().Be("001.txt:1368: row 54 at line 1368: expected 15 cells, the file ended after 8");
    }

    [Fact]
    public void Reports_text_after_the_page_text_with_its_line()
    {
        var text = SeedFiles.Text(SeedFiles.ChunkTable) + "\n1511.06807 | 30 | stray\n";
        using var reader = ViewerSeeds.ChunkReader(text, ErrorPolicy.SkipAndReport, "001.txt");

        reader.ReadAll().Should().HaveCount(100);
        reader.Errors.Should().ContainSingle().Which.Message.Should().Be(
            "001.txt:2429: expected only the viewer's page text after the rows, found \"1511.06807 | 30 | stray\"");
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_viewer_copy()
    {
        using var reader = ViewerSeeds.ChunkReader("{\"doi\": \"1703.04933\"}\n{\"doi\": \"1703.05175\"}\n", name: "x.jsonl");

        var read = () => reader.Read();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "x.jsonl:2: expected a dataset-viewer header (a column name, then its type: stringlengths, int64, list, sequence, string), found \"{\"doi\": \"1703.05175\"}\"");
    }

    [Fact]
    public void Rejects_a_table_header_cell_holding_only_the_nullable_mark_with_its_line()
    {
        // Long fuzz seed dswxsYfkzBCR8TeC1: deletions left "| " above "⌀ | journal_ref", an ArgumentOutOfRangeException (exit 3).
        using var reader = ViewerSeeds.ChunkReader("doi\nstringlengths 10\n10\n| \n⌀ | chunk\nstringlengths 401\n2.02k\n|---|---|\n", name: "t.txt");

        var read = () => reader.Read();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "t.txt:5: expected a column name and its type before the nullable mark ⌀, found only the mark");
    }

    [Fact]
    public void Rejects_a_header_that_names_no_chunk_column()
    {
        using var reader = ViewerSeeds.ChunkReader("name\nstringlengths\n3\n7\nscore\nint64\n0\n9\nalpha\n3\n", name: "other.txt");

        var read = () => reader.Read();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "other.txt:1: expected a chunk-row header with the columns doi, chunk-id and chunk, found no known column (columns: name, score)");
    }

    [Fact]
    public void Rejects_an_unknown_type_in_a_table_header_with_its_line()
    {
        var text = SeedFiles.Text(SeedFiles.ChunkTable).Replace("int64 0\n936", "integer 0\n936", StringComparison.Ordinal);
        using var reader = ViewerSeeds.ChunkReader(text, name: "001.txt");

        var read = () => reader.Read();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "001.txt:5: field \"chunk-id\": expected a column type (stringlengths, int64, list, sequence, string), found \"integer 0\"");
    }
}
