using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Formats.Jsonl;
using Xunit;

namespace PaperChunks.Tests.Formats.Csv;

/// <summary>CSV keeps each schema variant: JSONL → CSV → JSONL and CSV → CSV give the input back byte for byte.</summary>
public class CsvSchemaVariantTests
{
    private static List<ChunkRecord> ReadCsv(string text) =>
        new CsvChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions { SourceName = "v.csv" }).ReadAll().ToList();

    private static string ToCsv(IEnumerable<ChunkRecord> records)
    {
        var output = new MemoryStream();
        using (var writer = new CsvChunkWriter(output))
        {
            writer.WriteAll(records);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static byte[] ToJsonl(IEnumerable<ChunkRecord> records)
    {
        var output = new MemoryStream();
        using (var writer = new JsonlChunkWriter(output))
        {
            writer.WriteAll(records);
        }

        return output.ToArray();
    }

    private static List<ChunkRecord> ReadFixture(string fixture)
    {
        using var reader = new JsonlChunkReader(JsonlSchemaVariantTests.VariantPath(fixture));
        return reader.ReadAll().ToList();
    }

    [Theory]
    [InlineData("ai-arxiv-chunked.jsonl")]
    [InlineData("seeds-viewer-shaped.jsonl")]
    public void Jsonl_to_csv_to_jsonl_gives_each_variant_back_byte_for_byte(string fixture)
    {
        var csv = ToCsv(ReadFixture(fixture));

        ToJsonl(ReadCsv(csv)).Should().Equal(File.ReadAllBytes(JsonlSchemaVariantTests.VariantPath(fixture)));
    }

    [Theory]
    [InlineData("ai-arxiv-chunked.jsonl")]
    [InlineData("seeds-viewer-shaped.jsonl")]
    public void Csv_to_csv_gives_each_variant_back_byte_for_byte(string fixture)
    {
        var csv = ToCsv(ReadFixture(fixture));

        ToCsv(ReadCsv(csv)).Should().Be(csv);
    }

    [Fact]
    public void Writes_the_digit_string_chunk_id_quoted_and_references_as_id_objects()
    {
        var csv = ToCsv(ReadFixture("ai-arxiv-chunked.jsonl"));
        var row = csv[(csv.IndexOf('\n') + 1)..];

        row.Should().StartWith("1910.01108,\"0\",\"DistilBERT, a distilled version of BERT: smaller,\n")
            .And.Contain(",20191002,20200301,\"[{\"\"id\"\":\"\"1910.01108\"\"}]\"\n1910.01108,\"1\",");
        ReadCsv(csv)[0].Schema.Should().Be(ChunkSchema.Canonical with { ChunkId = ChunkColumnType.DigitString, IdForm = RowIdForm.Doi });
    }

    [Fact]
    public void Writes_comma_separated_authors_and_categories_as_one_string()
    {
        var csv = ToCsv(ReadFixture("seeds-viewer-shaped.jsonl"));
        var rows = ReadCsv(csv);

        csv.Should().Contain(",\"Jake Snell, Kevin Swersky, Richard S. Zemel\",\"cs.LG, stat.ML\",");
        rows[1].Authors.Should().Equal("Jake Snell", "Kevin Swersky", "Richard S. Zemel");
        rows[1].Schema.Should().Be(ChunkSchema.Canonical with { Authors = ChunkColumnType.CommaSeparatedString, Categories = ChunkColumnType.CommaSeparatedString });
    }

    [Fact]
    public void Reads_bare_id_references_and_writes_them_so()
    {
        const string csv = "doi,chunk-id,chunk,references\n1,0,a,[]\n1,1,b,\"[\"\"1503.02531\"\",\"\"1810.04805\"\"]\"\n";
        var rows = ReadCsv(csv);

        rows[1].References.Should().Equal(new PaperReference("1503.02531"), new PaperReference("1810.04805"));
        rows[1].Schema.References.Should().Be(ChunkColumnType.StringList);
        ToCsv(rows).Should().EndWith("\n1,1,b,\"\",\"\",\"\",\"\",[],[],,,\"\",,,\"[\"\"1503.02531\"\",\"\"1810.04805\"\"]\"\n");
    }

    [Fact]
    public void A_file_that_quotes_every_cell_keeps_an_integer_chunk_id()
    {
        var rows = ReadCsv("\"doi\",\"chunk-id\",\"chunk\"\n\"1703.04933\",\"40\",\"text\"\n");

        rows[0].ChunkId.Should().Be(40);
        rows[0].Schema.ChunkId.Should().Be(ChunkColumnType.Number);
    }

    [Fact]
    public void Rejects_a_file_mixing_joined_and_listed_authors()
    {
        var act = () => ReadCsv("doi,chunk-id,chunk,authors\n1,0,a,\"A B, C D\"\n1,1,b,\"[\"\"E F\"\"]\"\n");

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "v.csv:3:7: field \"authors\": expected one comma-separated string as in the rows before (a file holds one variant), found a list of strings");
    }

    [Fact]
    public void Rejects_a_file_mixing_quoted_and_bare_chunk_ids()
    {
        var act = () => ReadCsv("doi,chunk-id,chunk\n1,\"0\",a\n1,1,b\n");

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "v.csv:3:3: field \"chunk-id\": expected a string of digits as in the rows before (a file holds one variant), found an integer");
    }

    [Fact]
    public void Rejects_a_file_mixing_bare_ids_and_id_objects_in_references()
    {
        var act = () => ReadCsv("doi,chunk-id,chunk,references\n1,0,a,\"[\"\"2\"\"]\"\n1,1,b,\"[{\"\"id\"\":\"\"2\"\"}]\"\n");

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "v.csv:3:7: field \"references\": expected a list of strings as in the rows before (a file holds one variant), found a list of {\"id\": …} objects");
    }
}
