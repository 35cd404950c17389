using System.Text;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Csv;

public class CsvSummarizationTests
{
    private const string Header = "source,source_labels,rouge_scores,paper_id,title,target";

    private static string ListFixture => Path.Combine(SeedFiles.FixturesDirectory, "summarization", "scitldr-list.jsonl");

    [Fact]
    public void Jsonl_in_the_list_shape_to_CSV_and_back_gives_the_input_byte_for_byte()
    {
        var jsonl = File.ReadAllBytes(ListFixture);

        var csv = Convert(jsonl, InputFormat.Jsonl, OutputFormat.Csv);
        var back = Convert(csv, InputFormat.Csv, OutputFormat.Jsonl);

        Encoding.UTF8.GetString(back).Should().Be(Encoding.UTF8.GetString(jsonl));
        back.Should().Equal(jsonl);
    }

    [Fact]
    public void Csv_in_the_list_shape_to_JSONL_and_back_gives_the_input_byte_for_byte()
    {
        var csv = Convert(File.ReadAllBytes(ListFixture), InputFormat.Jsonl, OutputFormat.Csv);

        var back = Convert(Convert(csv, InputFormat.Csv, OutputFormat.Jsonl), InputFormat.Jsonl, OutputFormat.Csv);

        back.Should().Equal(csv);
    }

    [Fact]
    public void Writes_list_columns_as_JSON_cells_and_extra_columns_by_their_JSON_values()
    {
        var lines = Encoding.UTF8.GetString(Convert(File.ReadAllBytes(ListFixture), InputFormat.Jsonl, OutputFormat.Csv)).Split('\n');

        lines[0].Should().Be(Header + ",ic,note");
        lines[1].Should().StartWith("\"[\"\"Generative Adversarial Networks (GANs) have proven to be a powerful framework for learning to draw samples from complex distributions.\"\",\"\"However, GANs");
        lines[1].Should().EndWith("\",\"[1,0,0]\",\"[0.5384615384615384,0.08,0.2857142857142857]\",SJzuHiA9tQ,Generative Adversarial Network Training is a Continual Learning Problem,\"[\"\"Generative Adversarial Network Training is a Continual Learning Problem.\"\"]\",true,\"kept, as text\"");
        // Row 2: an empty title is "", an absent note an empty cell; the line break in its third sentence is JSON's \n.
        lines[2].Should().Contain("\\\"\"network reparameterization\\\"\" — see Fig. 1\\nfor the outline.");
        lines[2].Should().EndWith("for the outline.\"\"]\",\"[0,1,0]\",\"[0,0.25,0.125]\",rJeyV2AcKX,\"\",\"[\"\"A unified frame for both few-shot learning and zero-shot learning based on network reparameterization\"\",\"\"Zero-shot and few-shot learning, one frame.\"\"]\",false,");
        // Row 3: no title or scores (empty cells); the string "true" is written as JSON so it does not come back a boolean.
        lines[3].Should().Be("\"[\"\"[1] A sentence that opens with a bracket, as citation marks do.\"\",\"\"true\"\"]\",\"[0,1]\",,B1x0000000,,\"[\"\"12\"\"]\",\"\"\"true\"\"\",null");
        lines[4].Should().BeEmpty();
    }

    [Fact]
    public void The_SciTLDR_seed_in_the_flattened_shape_goes_to_CSV_and_back_unchanged()
    {
        using var viewer = new ViewerSummarizationReader(new MemoryStream(SeedFiles.Bytes(SeedFiles.SciTldrLines)));
        var records = viewer.ReadAll().ToList();
        var jsonl = Write(records, OutputFormat.Jsonl, SummarizationShape.Flattened);

        var csv = Convert(jsonl, InputFormat.Jsonl, OutputFormat.Csv);

        Convert(csv, InputFormat.Csv, OutputFormat.Jsonl).Should().Equal(jsonl);
        Convert(Convert(csv, InputFormat.Csv, OutputFormat.Jsonl), InputFormat.Jsonl, OutputFormat.Csv).Should().Equal(csv);
        var text = Encoding.UTF8.GetString(csv);
        text.Should().StartWith(Header + "\n\"Generative Adversarial Networks (GANs) have proven to be a powerful framework for learning to draw samples from complex distributions. However, GANs");
        text.Should().Contain(",SJzuHiA9tQ,,Generative Adversarial Network Training is a Continual Learning Problem.\n");
        using var reader = PaperChunksReader.OpenSummarization(new MemoryStream(csv), null, InputFormat.Csv);
        var back = reader.ReadAll().ToList();
        back.Should().HaveCount(100).And.Equal(records);
        back.Should().OnlyContain(r => r.Shape == SummarizationShape.Flattened);
    }

    [Fact]
    public void Reports_a_source_cell_that_is_not_a_JSON_list_in_a_list_shaped_file_with_its_place()
    {
        var csv = Header + "\n\"[\"\"One.\"\"]\",[1],,p1,,\"[\"\"T.\"\"]\"\nplain text,[1],,p2,,\"[\"\"T.\"\"]\"\n";
        using var reader = PaperChunksReader.OpenSummarization(
            new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ReaderOptions { SourceName = "s.csv", ErrorPolicy = ErrorPolicy.SkipAndReport }, InputFormat.Csv);

        reader.ReadAll().Select(r => r.PaperId).Should().Equal("p1");

        reader.Errors.Single().Message.Should().Be(
            "s.csv:3:1: field \"source\": expected a JSON list of strings as in the first row (its source made this file the list shape), found text");
    }

    [Fact]
    public void Reports_labels_that_are_not_integers_with_their_place()
    {
        var csv = Header + "\ntext,\"[1,0.5]\",,p1,,tldr\n";
        using var reader = PaperChunksReader.OpenSummarization(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ReaderOptions { SourceName = "s.csv" }, InputFormat.Csv);

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "s.csv:2:6: field \"source_labels\": expected a JSON list of integers, found 0.5 in it");
    }

    [Fact]
    public void Refuses_a_record_with_a_field_the_first_record_did_not_have_and_keeps_nothing()
    {
        using var temp = new TempDirectory();
        var path = temp.File("s.csv");
        var first = new SummarizationRecord { Source = ["a"], PaperId = "p1", Target = ["t"] };
        var second = first with { PaperId = "p2", ExtraFields = [new ExtraField("ic", "true")] };
        using var writer = PaperChunksWriter.CreateSummarization(path);
        writer.Write(first);

        var act = () => writer.Write(second);

        act.Should().Throw<PaperChunksOutputException>().Which.Message.Should().Contain(
            "record 2, field \"ic\": not a column of the header, which the first record's fields fixed; the record was not written");
        writer.Dispose();
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Refuses_a_flattened_text_that_would_read_back_as_a_list()
    {
        using var stream = new MemoryStream();
        using var writer = PaperChunksWriter.CreateSummarization(stream, SummarizationShape.Flattened, null, OutputFormat.Csv);

        var act = () => writer.Write(new SummarizationRecord { Source = ["[\"a\"]"], PaperId = "p", Target = ["t"], Shape = SummarizationShape.Flattened });

        act.Should().Throw<PaperChunksOutputException>().Which.Message.Should().Contain(
            "record 1, field \"source\": the flattened text reads as a JSON list of sentences, so the file would read back in the list shape; write the list shape");
    }

    [Theory]
    [InlineData("\"x\"", "x")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("\"12\"", "\"12\"")]
    [InlineData("\"\\\"quoted\\\"\"", "\"\\\"quoted\\\"\"")]
    [InlineData("\"[a\"", "[a")]
    [InlineData("true", "true")]
    [InlineData("12.5", "12.5")]
    [InlineData("null", "null")]
    [InlineData("[1,{\"a\":\"b\"}]", "[1,{\"a\":\"b\"}]")]
    public void Extra_cells_hold_strings_as_text_unless_they_read_as_JSON_and_come_back_with_their_type(string json, string cell)
    {
        CsvCells.ExtraCell(json).Should().Be(cell);
        CsvCells.ExtraJson(cell).Should().Be(json);
    }

    private static byte[] Convert(byte[] input, InputFormat from, OutputFormat to)
    {
        using var reader = PaperChunksReader.OpenSummarization(new MemoryStream(input), null, from);
        var records = reader.ReadAll().ToList();
        return Write(records, to, records.FirstOrDefault()?.Shape ?? SummarizationShape.List);
    }

    private static byte[] Write(IEnumerable<SummarizationRecord> records, OutputFormat format, SummarizationShape shape)
    {
        using var output = new MemoryStream();
        using (var writer = PaperChunksWriter.CreateSummarization(output, shape, null, format))
        {
            writer.WriteAll(records);
        }

        return output.ToArray();
    }
}
