using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Csv;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Csv;

public class CsvChunkReaderTests
{
    private const string Header = "doi,chunk-id,chunk,title\n";

    [Fact]
    public void Reads_columns_in_any_order_and_marks_missing_ones_absent()
    {
        var records = Read("chunk,doi,chunk-id\n\"text, with comma\",1511.06807,7\n");

        var record = records.Single();
        record.Doi.Should().Be("1511.06807");
        record.ChunkId.Should().Be(7);
        record.Chunk.Should().Be("text, with comma");
        record.AbsentFields.Should().HaveFlag(ChunkFields.Title).And.HaveFlag(ChunkFields.References).And.NotHaveFlag(ChunkFields.Doi);
    }

    [Fact]
    public void Rejects_a_stray_quote_with_line_and_column()
    {
        var act = () => Read(Header + "1511.07289,0,ok,t\n1511.07289,1,bad \"quote\",t\n");

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be("<stream>:3:18: expected no quote inside an unquoted field, found '\"'; quote the whole field and double inner quotes");
    }

    [Fact]
    public void Rejects_text_after_a_closing_quote_with_line_and_column()
    {
        var act = () => Read(Header + "1511.07289,0,\"multi\nline\"x,t\n");

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be("<stream>:3:6: expected a separator or line end after the closing quote, found more text; double quotes inside a quoted field");
    }

    [Fact]
    public void Rejects_a_row_with_a_wrong_cell_count_and_skips_it_when_asked()
    {
        var text = Header + "1511.07289,0,a,t\n1511.07289,1,b\n1511.07289,2,c,t\n";

        var act = () => Read(text);
        using var reader = new CsvChunkReader(Stream(text), new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });
        var records = reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be("<stream>:3: expected 4 cells as in the header, found 3");
        records.Select(r => r.ChunkId).Should().Equal(0, 2);
        reader.ErrorCount.Should().Be(1);
        reader.Errors[0].Line.Should().Be(3);
    }

    [Fact]
    public void Rejects_a_chunk_id_that_is_not_an_integer_with_its_column()
    {
        var act = () => Read(Header + "1511.07289,4a,c,t\n");

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be("<stream>:2:12: field \"chunk-id\": expected an integer, found \"4a\"");
    }

    [Fact]
    public void Rejects_an_authors_cell_that_opens_a_list_but_is_not_JSON()
    {
        var act = () => Read("doi,chunk-id,chunk,authors\n1511.07289,0,c,[Laurent Dinh\n");

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().StartWith("<stream>:2:16: field \"authors\": expected a JSON list of strings");
    }

    [Fact]
    public void Rejects_a_header_without_the_chunk_column()
    {
        var act = () => Read("doi,chunk-id\n1511.07289,0\n");

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be("<stream>:1: field \"chunk\": expected this column in the header, found none");
    }

    [Fact]
    public void Keeps_unknown_columns_as_extra_fields_a_json_cell_as_its_value_other_text_as_a_string()
    {
        var record = Read("doi,chunk-id,chunk,score,note\n1511.07289,0,c,0.5,kept\n").Single();

        record.ExtraFields.Should().Equal(new ExtraField("score", "0.5"), new ExtraField("note", "\"kept\""));
    }

    [Fact]
    public void Rejects_invalid_utf8_inside_a_list_cell_found_by_the_fuzzer()
    {
        var bytes = Encoding.UTF8.GetBytes("doi,chunk-id,chunk,authors\n1511.07289,0,text,\"[\"\"a\"\"]\"\n");
        var quote = Array.LastIndexOf(bytes, (byte)'a');
        bytes[quote] = 0xFF;
        using var reader = new CsvChunkReader(new MemoryStream(bytes));

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be("<stream>:2:19: field \"authors\": expected UTF-8 text in the JSON list, found invalid bytes");
    }

    [Fact]
    public void Rejects_a_file_cut_right_after_a_separator_of_its_last_row_found_by_the_fuzzer()
    {
        // Cut after the third separator, the row still has the header's four cells, the last one empty.
        var text = Header + "1511.07289,0,a,t\n1511.07289,1,b,t\n1511.07289,2,\"c\nd\",";
        using var reader = new CsvChunkReader(Stream(text), new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });

        var records = reader.ReadAll().ToList();
        var act = () => Read(text);

        records.Select(r => r.ChunkId).Should().Equal(0, 1);
        reader.Errors.Select(e => e.Message).Should().Equal(
            "<stream>:5:4: expected a cell or a line break after the last separator, found the end of the file: the file is cut after a separator");
        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().StartWith("<stream>:5:4: expected a cell or a line break");
    }

    [Theory]
    [InlineData("1511.07289,0,a,\n", "")]
    [InlineData("1511.07289,0,a,\r\n", "")]
    [InlineData("1511.07289,0,a,t", "t")]
    [InlineData("1511.07289,0,a,\"\"", "")]
    public void Reads_rows_with_an_empty_last_cell_or_without_a_final_line_break(string row, string title)
    {
        var records = Read(Header + "1511.07289,1,b,t\n" + row);

        records.Select(r => r.ChunkId).Should().Equal(1, 0);
        (records[1].Title ?? "").Should().Be(title);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static List<ChunkRecord> Read(string text)
    {
        using var reader = new CsvChunkReader(Stream(text));
        return reader.ReadAll().ToList();
    }
}
