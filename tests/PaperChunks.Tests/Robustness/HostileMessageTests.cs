using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// Input text echoed in a message cannot act on the terminal or fake a line of output: controls are escaped
/// and long values cut, wherever the message is built.
/// </summary>
public class HostileMessageTests
{
    private const string ClearScreen = "\u001b[2J";

    [Fact]
    public void Escapes_controls_and_bidi_overrides_and_keeps_other_text()
    {
        MessageText.Escape("a\u001b[2J\r\nfile:9:9: all good\t\u009b\u202e\u2028é😀\ud800").Should()
            .Be("a\\u001B[2J\\r\\nfile:9:9: all good\\t\\u009B\\u202E\\u2028é😀\\uD800");
    }

    [Fact]
    public void An_excerpt_is_cut_to_60_characters_before_escaping()
    {
        MessageText.Excerpt(new string('x', 100)).Should().Be(new string('x', 57) + "...");
        MessageText.Excerpt("\n\n").Should().Be("\\n\\n");
    }

    [Fact]
    public async Task A_csv_cell_cannot_clear_the_terminal_or_print_a_line_of_its_own()
    {
        using var temp = new TempDirectory();
        var path = temp.File("in.csv");
        await File.WriteAllTextAsync(path, $"doi,chunk-id,chunk\n1703.04933,\"{ClearScreen}\nin.csv:9:9: all good\",x\n");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:2:12: field \"chunk-id\": expected an integer, found \"\\u001B[2J\\nin.csv:9:9: all good\"\n0 rows, 1 problems\n");
    }

    [Fact]
    public async Task A_rule_violation_quoting_a_hostile_doi_is_escaped()
    {
        using var temp = new TempDirectory();
        var path = temp.File("in.jsonl");
        await File.WriteAllTextAsync(path, "{\"doi\":\"1703.04933\\u001b[2J\",\"chunk-id\":0,\"chunk\":\"x\",\"source\":\"http://arxiv.org/pdf/1703.04933\"}\n");

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be(
            $"{path}:1: field \"source\": expected \"http://arxiv.org/pdf/1703.04933\\u001B[2J\", found \"http://arxiv.org/pdf/1703.04933\"\n1 rows, 1 problems\n");
    }

    [Fact]
    public void A_file_name_with_controls_is_escaped_in_the_message()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"doi\":\"1\",\"chunk-id\":\"x\",\"chunk\":\"c\"}\n");
        using var reader = new JsonlChunkReader(new MemoryStream(bytes), new ReaderOptions { SourceName = "a\nb.jsonl" });

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().WithMessage("a\\nb.jsonl:1:*: field \"chunk-id\": expected an integer, found \"x\"")
            .Which.SourceName.Should().Be("a\nb.jsonl");
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_typed_field_is_named_as_such()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"doi\":\"1703.04933\",\"chunk-id\":0,\"chunk\":\"ab\\ud800cd\"}\n");
        using var reader = new JsonlChunkReader(new MemoryStream(bytes), new ReaderOptions { SourceName = "in.jsonl" });

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            "in.jsonl:1:45: field \"chunk\": a lone surrogate escape \\ud800 (no low surrogate after it, or none before it), which is not text; expected a string of Unicode characters");
    }

    [Fact]
    public void A_paired_surrogate_escape_reads_as_its_character()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"doi\":\"1703.04933\",\"chunk-id\":0,\"chunk\":\"\\ud83d\\ude00\"}\n");
        using var reader = new JsonlChunkReader(new MemoryStream(bytes), new ReaderOptions { SourceName = "in.jsonl" });

        reader.ReadAll().Single().Chunk.Should().Be("😀");
    }

    [Fact]
    public void Invalid_utf8_in_a_property_name_of_a_generic_row_is_a_located_error()
    {
        byte[] bytes = [.. "{\"note\":\"a\"}\n{\"no"u8, 0xFF, .. "te\":\"b\"}\n"u8];
        using var reader = new JsonlGenericReader(new MemoryStream(bytes), new ReaderOptions { SourceName = "notes.jsonl" });

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().WithMessage("notes.jsonl:2:5: invalid UTF-8 (byte 0xFF); expected UTF-8 text");
    }

    [Fact]
    public async Task Validate_reports_invalid_utf8_in_a_generic_rows_property_name_and_goes_on()
    {
        using var temp = new TempDirectory();
        var path = temp.File("notes.jsonl");
        await File.WriteAllBytesAsync(path, [.. "{\"note\":\"a\"}\n{\"no"u8, 0xFF, .. "te\":\"b\"}\n{\"note\":\"c\"}\n"u8]);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be($"{path}:2:5: invalid UTF-8 (byte 0xFF); expected UTF-8 text\n2 rows, 1 problems\n");
    }
}
