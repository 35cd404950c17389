using System.Text;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// The record kind comes from the whole sample, not row 1 or one header cell: damage there is reported at its
/// place like damage anywhere else, instead of turning the file into "generic rows" that validate clean.
/// </summary>
public class RecordKindEvidenceTests
{
    private static byte[] FirstFiveRows()
    {
        var lines = File.ReadAllLines(SampleFiles.Chunks000).Take(5);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    [Fact]
    public async Task A_first_row_without_doi_is_reported_and_the_other_rows_are_checked()
    {
        using var temp = new TempDirectory();
        var path = temp.File("nodoi.jsonl");
        var text = Encoding.UTF8.GetString(FirstFiveRows());
        await File.WriteAllTextAsync(path, string.Concat("{\"dxi\"", text.AsSpan(6)));

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:1:1: field \"doi\": missing; every chunk row needs doi, chunk-id and chunk\n4 rows, 1 problems\n");
    }

    [Fact]
    public async Task A_flipped_first_byte_is_an_invalid_json_row_not_a_generic_file()
    {
        // The CI fuzz seed 0000whole19b's jsonl case: FlipBit Where=0 Choice=433 turns '{' into 'y'.
        using var temp = new TempDirectory();
        var path = temp.File("in.jsonl");
        var bytes = FirstFiveRows();
        bytes[0] ^= 1 << (433 % 8);
        await File.WriteAllBytesAsync(path, bytes);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:1:1: invalid JSON: 'y' is an invalid start of a value\n4 rows, 1 problems\n");
    }

    [Fact]
    public async Task A_stray_second_byte_order_mark_on_row_1_is_reported_on_line_1()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bom.jsonl");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. FirstFiveRows()]);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:1:1: invalid JSON: '0xEF' is an invalid start of a value\n4 rows, 1 problems\n");
    }

    [Fact]
    public async Task Convert_with_skip_writes_the_other_rows_of_a_file_whose_first_row_is_damaged()
    {
        using var temp = new TempDirectory();
        var path = temp.File("in.jsonl");
        var bytes = FirstFiveRows();
        bytes[0] = (byte)'y';
        await File.WriteAllBytesAsync(path, bytes);
        var output = temp.File("out.parquet");

        var (exit, _, error) = await CliRun.RunAsync("convert", path, "-o", output, "--on-error", "skip");

        exit.Should().Be(1);
        error.Should().Contain($"{path}:1:1: invalid JSON: 'y' is an invalid start of a value");
        using var reader = new PaperChunks.Formats.Parquet.ParquetChunkReader(output);
        reader.ReadAll().Select(r => r.ChunkId).Should().Equal(FirstFiveRowIds().Skip(1));
    }

    [Fact]
    public async Task A_csv_header_with_one_damaged_cell_is_reported_as_the_missing_column()
    {
        // The CI fuzz seed's csv case: FlipBit Where=0 Choice=388 turns "doi" into "toi".
        using var temp = new TempDirectory();
        var csv = temp.File("rows.csv");
        (await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", csv)).Exit.Should().Be(0);
        var bytes = await File.ReadAllBytesAsync(csv);
        bytes[0] ^= 1 << (388 % 8);
        await File.WriteAllBytesAsync(csv, bytes);

        var (exit, output, _) = await CliRun.RunAsync("validate", csv);

        exit.Should().Be(1);
        output.Should().Be($"{csv}:1: field \"doi\": expected this column in the header, found none\n0 rows, 1 problems\n");
    }

    [Fact]
    public async Task A_viewer_copy_with_a_damaged_header_cell_is_reported_not_read_as_generic_rows()
    {
        using var temp = new TempDirectory();
        var path = temp.File("in.txt");
        var lines = Encoding.UTF8.GetString(SeedFiles.Bytes(SeedFiles.ChunkLines)).Split('\n').Take(58 + 15);
        var text = string.Join('\n', lines) + "\n";
        await File.WriteAllTextAsync(path, "t" + text[1..]);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be(
            $"{path}:1: expected a chunk-row header with the columns doi, chunk-id and chunk, found no doi (columns: toi, chunk-id, chunk, id, "
            + "title, summary, source, authors, categories, comment, journal_ref, primary_category, published, updated, references)\n0 rows, 1 problems\n");
    }

    [Fact]
    public async Task Rows_of_other_names_stay_generic_rows()
    {
        using var temp = new TempDirectory();
        var path = temp.File("notes.jsonl");
        await File.WriteAllTextAsync(path, "{\"doi\":\"1703.04933\",\"note\":\"a\"}\n{\"doi\":\"1703.05175\",\"note\":\"b\"}\n");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(0);
        output.Should().Be("2 rows, 0 problems\n");
    }

    [Fact]
    public async Task A_csv_header_naming_no_known_kind_is_read_as_chunk_rows_and_its_missing_columns_reported()
    {
        // CSV holds no generic rows in this build: "generic" only made every command fail without a line.
        using var temp = new TempDirectory();
        var path = temp.File("papers.csv");
        await File.WriteAllTextAsync(path, "doi,title,summary,authors,text\n1703.04933,Sharp Minima,abc,Dinh,body\n");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:1: field \"chunk-id\": expected this column in the header, found none\n0 rows, 1 problems\n");
    }

    [Fact]
    public void A_papers_header_sharing_doi_and_title_with_chunks_stays_generic_rows()
    {
        string[] papers = ["doi", "id", "title", "summary", "source", "authors", "categories", "comment", "journal_ref",
            "primary_category", "published", "updated", "references", "text", "chunk_count", "missing_chunk_ids", "duplicate_chunk_ids", "spans"];

        RecordKindEvidence.FromHeader(papers).Should().Be(RecordKind.Generic);
    }

    [Theory]
    [InlineData("hunk-id")] // the start cut off
    [InlineData("chunk-i")] // the end cut off
    [InlineData("chunk-ix")] // one byte changed
    [InlineData("chunkid")] // one byte lost
    public void A_header_whose_chunk_id_cell_is_damaged_and_doi_gone_is_still_a_chunk_header(string damaged)
    {
        string[] header = [damaged, "chunk", "id", "title", "summary", "source", "authors", "categories"];

        RecordKindEvidence.FromHeader(header).Should().Be(RecordKind.Chunk);
    }

    [Fact]
    public void A_header_cut_short_after_its_three_required_columns_one_damaged_is_still_a_chunk_header()
    {
        // Long fuzz seed cHSu4NSyvzrYJ-_U3: a viewer copy cut to 78 bytes, its header "doi, chunk-if, chunk".
        RecordKindEvidence.FromHeader(["doi", "chunk-if", "chunk"]).Should().Be(RecordKind.Chunk);
        RecordKindEvidence.FromHeader(["doi", "chunk", "note"]).Should().Be(RecordKind.Generic);
    }

    [Fact]
    public void A_summarization_header_whose_source_and_source_labels_share_one_flipped_bit_is_still_summarization()
    {
        // Long fuzz seed 5HQsyPuUqZFY1XJR2 (viewer-lines.zst): one bit flipped in a zstd back-reference that both
        // names copy; counting only the required "source" left three of the kind's four columns, so generic rows.
        string[] header = ["tource", "tource_labels", "paper_id", "target"];
        string[] generic = ["tource", "paper_id", "score", "note"];

        RecordKindEvidence.FromHeader(header).Should().Be(RecordKind.Summarization);
        RecordKindEvidence.FromHeader(generic).Should().Be(RecordKind.Generic);
    }

    [Theory]
    [InlineData("chunk")]
    [InlineData("hunk")] // long fuzz seed 3bc4N89MBJjZ3S5z2: 46 bytes deleted at the start of a viewer-lines copy
    public void A_header_that_lost_its_start_up_to_chunk_is_still_a_chunk_header(string first)
    {
        string[] header = [first, "id", "title", "summary", "source", "authors", "categories", "comment", "journal_ref",
            "primary_category", "published", "updated", "references"];

        RecordKindEvidence.FromHeader(header).Should().Be(RecordKind.Chunk);
    }

    [Fact]
    public async Task A_csv_cut_inside_its_header_is_a_located_error_not_an_empty_file()
    {
        // Long fuzz seed bV3xC45f3q0ynDJe2: the header cut after "upd" validated as 0 rows, 0 problems.
        using var temp = new TempDirectory();
        var path = temp.File("cut.csv");
        await File.WriteAllTextAsync(path, "doi,chunk-id,chunk,id,title,summary,source,authors,categories,comment,journal_ref,primary_category,published,upd");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:1:113: expected a line break after the header, found the end of the file: the file is cut inside its header\n0 rows, 1 problems\n");
    }

    [Fact]
    public async Task A_csv_of_a_header_and_a_line_break_is_a_valid_file_of_no_rows()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.csv");
        await File.WriteAllTextAsync(path, "doi,chunk-id,chunk\n");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(0);
        output.Should().Be("0 rows, 0 problems\n");
    }

    [Fact]
    public async Task An_empty_csv_file_is_a_located_error_for_convert_not_generic_rows()
    {
        // CI fuzz seed 0000001diBm1: cut to nothing; convert to Parquet said "holds generic rows" (exit 2).
        using var temp = new TempDirectory();
        var path = temp.File("in.csv");
        await File.WriteAllBytesAsync(path, []);

        var (exit, _, error) = await CliRun.RunAsync("convert", path, "-o", temp.File("out.parquet"), "--on-error", "skip");

        exit.Should().Be(1);
        error.Should().Be($"paperchunks: {path}:1:1: expected a header line naming the columns doi, chunk-id and chunk, found an empty file\n");
    }

    [Fact]
    public async Task A_csv_cut_at_its_start_is_a_located_error_for_convert_not_generic_rows()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("rows.csv");
        (await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", csv)).Exit.Should().Be(0);
        var cut = temp.File("cut.csv");
        await File.WriteAllBytesAsync(cut, (await File.ReadAllBytesAsync(csv))["doi,chunk-i".Length..]);

        var (exit, _, error) = await CliRun.RunAsync("convert", cut, "-o", temp.File("out.parquet"), "--on-error", "skip");

        exit.Should().Be(1);
        error.Should().Be($"paperchunks: {cut}:1: field \"doi\": expected this column in the header, found none\n");
    }

    [Fact]
    public async Task A_viewer_copy_cut_at_its_start_is_a_located_error_for_convert_not_generic_rows()
    {
        // CI fuzz seed 0000001diBp2 deletes the start: the header then begins "hunk-id", and the copy became generic rows.
        using var temp = new TempDirectory();
        var path = temp.File("in.txt");
        var lines = Encoding.UTF8.GetString(SeedFiles.Bytes(SeedFiles.ChunkLines)).Split('\n').Take(58 + 15);
        var text = string.Join('\n', lines) + "\n";
        await File.WriteAllTextAsync(path, text["doi\nstringlengths\n10\n10\nc".Length..]);

        var (exit, _, error) = await CliRun.RunAsync("convert", path, "-o", temp.File("out.parquet"), "--on-error", "skip");

        exit.Should().Be(1);
        error.Should().Be(
            $"paperchunks: {path}:1: expected a chunk-row header with the columns doi, chunk-id and chunk, found no doi, chunk-id (columns: hunk-id, chunk, id, "
            + "title, summary, source, authors, categories, comment, journal_ref, primary_category, published, updated, references)\n");
    }

    [Fact]
    public async Task A_jsonl_file_cut_inside_its_only_row_is_a_located_error_for_convert_not_generic_rows()
    {
        // The cut row shows doi and chunk-id but not chunk: damage is no evidence of generic rows.
        using var temp = new TempDirectory();
        var path = temp.File("in.jsonl");
        await File.WriteAllTextAsync(path, "{\"doi\":\"1703.04933\",\"chunk-id\":40,\"chu");

        var (exit, _, error) = await CliRun.RunAsync("convert", path, "-o", temp.File("out.parquet"), "--on-error", "skip");

        exit.Should().Be(1);
        error.Should().Be($"{path}:1:39: the row ends before its JSON object is complete (truncated line?); the file ends in the middle of this row\n");
    }

    [Fact]
    public async Task A_jsonl_file_of_only_blank_lines_converts_to_an_empty_chunk_file()
    {
        // Fuzz seed 1rxQFvGZW8U2: cut to nothing, then a line break inserted. No row says another kind.
        using var temp = new TempDirectory();
        var path = temp.File("in.jsonl");
        await File.WriteAllTextAsync(path, "\n");
        var output = temp.File("out.parquet");

        var (exit, _, error) = await CliRun.RunAsync("convert", path, "-o", output);

        exit.Should().Be(0, error);
        using var reader = new PaperChunks.Formats.Parquet.ParquetChunkReader(output);
        reader.ReadAll().Should().BeEmpty();
    }

    [Fact]
    public async Task A_viewer_copy_whose_start_lost_doi_and_chunk_id_whole_is_read_as_chunk_rows_by_its_ids()
    {
        // Long fuzz seed 8uTHaoxkpQiggIBC (Delete at 0, 50 bytes): the header begins with an empty name typed like
        // chunk; no chunk column name is left, but the rows' "doi", "chunk-id", …, "doi#chunk-id" cells still are.
        using var temp = new TempDirectory();
        var path = temp.File("in.txt");
        await File.WriteAllTextAsync(path, ViewerLines()["doi\nstringlengths\n10\n10\nchunk-id\nint64\n0\n936\nchunk".Length..]);

        var detect = await CliRun.RunAsync("detect", path);
        var (exit, _, error) = await CliRun.RunAsync("convert", path, "-o", temp.File("out.parquet"), "--on-error", "skip");

        detect.Out.Should().Be($"{path}: viewer-lines, chunk rows\n");
        exit.Should().Be(1);
        error.Should().Be(
            $"paperchunks: {path}:1: expected a chunk-row header with the columns doi, chunk-id and chunk, found no doi, chunk-id, chunk (columns: , id, "
            + "title, summary, source, authors, categories, comment, journal_ref, primary_category, published, updated, references)\n");
    }

    [Fact]
    public async Task A_viewer_header_ended_early_by_a_broken_type_word_is_reported_where_it_ends()
    {
        // Long fuzz seed 6WJhTEkoQHlMVaon2 (Duplicate at 0, 36 bytes): "int" + "doi" makes "intdoi", no type word, so
        // the header ended after doi and the rest read as 119 one-cell generic rows, 0 problems.
        using var temp = new TempDirectory();
        var path = temp.File("in.txt");
        var text = ViewerLines();
        await File.WriteAllTextAsync(path, text[..36] + text);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be(
            $"{path}:1: expected a chunk-row header with the columns doi, chunk-id and chunk, found no chunk-id, chunk (columns: doi); "
            + "the header ends before line 5: \"chunk-id\" there is not followed by a type word (found \"intdoi\" at line 6)\n0 rows, 1 problems\n");
    }

    [Theory]
    [InlineData("lines", 14, 7)] // long fuzz seed 0YlZTpp_9yhpILzM2: cut after "id", "string"
    [InlineData("table", 45, 59)] // long fuzz seed 022HHVAthOAuGllu2: cut inside the ---| rule
    public async Task A_viewer_copy_cut_inside_its_header_is_a_located_error_not_an_empty_file(string layout, int line, int column)
    {
        // Both validated clean with 0 rows: the cut left a header that reads, and no row below it.
        using var temp = new TempDirectory();
        var path = temp.File("in.txt");
        var lines = layout == "lines" ? ViewerLines().Split('\n') : SeedFiles.Text(SeedFiles.ChunkTable).Split('\n');
        await File.WriteAllTextAsync(path, string.Join('\n', lines.Take(line - 1)) + "\n" + lines[line - 1][..(column - 1)]);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be(
            $"{path}:{line}:{column}: expected a line break and rows after the header, found the end of the file: the file is cut inside its header\n0 rows, 1 problems\n");
    }

    [Fact]
    public async Task A_viewer_header_duplicated_at_its_start_is_a_located_error_not_rows_twice_as_wide()
    {
        // Long fuzz seed bbD-i9ezvtKAcDJM2 (Duplicate at 0, 416 bytes): the header and "1703.0" again, so the header
        // read 30 columns, each row took in two, and the copy validated clean with 2 rows of 4.
        using var temp = new TempDirectory();
        var path = temp.File("in.txt");
        var text = ViewerLines();
        await File.WriteAllTextAsync(path, text[..416] + text);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().StartWith($"{path}:1: expected each column once in the header, found \"chunk-id\" twice (columns: doi, chunk-id, chunk, id, ")
            .And.EndWith(", references, 1703.0doi, chunk-id, chunk, id, title, summary, source, authors, categories, comment, journal_ref, primary_category, published, updated, references)\n0 rows, 1 problems\n");
    }

    [Fact]
    public async Task A_viewer_copy_cut_inside_the_type_word_that_would_go_on_with_its_header_is_a_located_error()
    {
        // Long fuzz seed 9sJmO0zEa-zzZIvH1: what the cut left ends "id", "stri"; "stri" is no type word, so the header
        // ended at "id" and the two lines read as rows, 0 problems.
        using var temp = new TempDirectory();
        var path = temp.File("in.txt");
        await File.WriteAllTextAsync(path, "k\nstringlengths\n401\n2.02k\nid\nstri");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:6:5: expected a line break and rows after the header, found the end of the file: the file is cut inside its header\n0 rows, 1 problems\n");
    }

    [Theory]
    [InlineData(true, "1703.04933", "40", "(c) Loss function", "1703.04933#40")]
    [InlineData(false, "1703.04933", "40", "(c) Loss function", "1703.04933#41")]
    [InlineData(false, "Sharp Minima", "40", "Sharp Minima#40")]
    [InlineData(false, "1703.04933#40", "1703.04933", "40")]
    public void Shows_chunk_ids_only_for_a_doi_and_chunk_id_side_by_side_then_doi_hash_chunk_id(bool expected, params string[] cells)
    {
        RecordKindEvidence.ShowsChunkIds(cells).Should().Be(expected);
    }

    // The whole-tool fuzzer's viewer-lines fixture: the header and four rows of seed 000.
    private static string ViewerLines() =>
        string.Join('\n', SeedFiles.Text(SeedFiles.ChunkLines).Split('\n').Take(58 + (4 * 15))) + "\n";

    private static List<long> FirstFiveRowIds()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
        return reader.ReadAll().Take(5).Select(r => r.ChunkId).ToList();
    }
}
