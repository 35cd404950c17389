using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

public class JsonlSchemaVariantTests
{
    public static string VariantPath(string name) => Path.Combine(SeedFiles.FixturesDirectory, "variants", name);

    private static List<ChunkRecord> ReadText(string text) =>
        new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions { SourceName = "v.jsonl" }).ReadAll().ToList();

    private static byte[] WriteAll(IEnumerable<ChunkRecord> records)
    {
        var output = new MemoryStream();
        using (var writer = new JsonlChunkWriter(output))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    [Fact]
    public void Reads_the_ai_arxiv_chunked_row_typed_and_records_its_column_types()
    {
        using var reader = new JsonlChunkReader(VariantPath("ai-arxiv-chunked.jsonl"));
        var first = reader.ReadAll().First();

        first.ChunkId.Should().Be(0);
        first.Id.Should().Be("1910.01108");
        first.Authors.Should().Equal("Victor Sanh", "Lysandre Debut", "Julien Chaumond", "Thomas Wolf");
        first.References.Should().Equal(new PaperReference("1910.01108"));
        first.JournalRef.Should().BeNull();
        first.PublishedDate.Should().Be(new DateOnly(2019, 10, 2));
        first.Schema.Should().Be(ChunkSchema.Canonical with { ChunkId = ChunkColumnType.DigitString, IdForm = RowIdForm.Doi });
    }

    [Theory]
    [InlineData("ai-arxiv-chunked.jsonl")]
    [InlineData("seeds-viewer-shaped.jsonl")]
    public void Writes_each_variant_back_byte_for_byte(string fixture)
    {
        var input = File.ReadAllBytes(VariantPath(fixture));
        using var reader = new JsonlChunkReader(VariantPath(fixture));

        WriteAll(reader.ReadAll()).Should().Equal(input);
    }

    [Fact]
    public void Reads_comma_separated_authors_and_categories_as_lists()
    {
        using var reader = new JsonlChunkReader(VariantPath("seeds-viewer-shaped.jsonl"));
        var rows = reader.ReadAll().ToList();

        rows[1].Authors.Should().Equal("Jake Snell", "Kevin Swersky", "Richard S. Zemel");
        rows[1].Categories.Should().Equal("cs.LG", "stat.ML");
        rows[1].Schema.Should().Be(ChunkSchema.Canonical with { Authors = ChunkColumnType.CommaSeparatedString, Categories = ChunkColumnType.CommaSeparatedString });
    }

    [Fact]
    public void Reads_references_given_as_bare_ids_and_writes_them_so()
    {
        const string text = "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"a\",\"references\":[]}\n{\"doi\":\"1\",\"chunk-id\":1,\"chunk\":\"b\",\"references\":[\"1503.02531\",\"1810.04805\"]}\n";
        var rows = ReadText(text);

        rows[1].References.Should().Equal(new PaperReference("1503.02531"), new PaperReference("1810.04805"));
        rows[1].Schema.References.Should().Be(ChunkColumnType.StringList);
        Encoding.UTF8.GetString(WriteAll(rows)).Should().Be(text);
    }

    [Fact]
    public void Rejects_a_file_mixing_integer_and_string_chunk_ids_with_its_location()
    {
        var act = () => ReadText("{\"doi\":\"1\",\"chunk-id\":\"0\",\"chunk\":\"a\"}\n{\"doi\":\"1\",\"chunk-id\":1,\"chunk\":\"b\"}\n");

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("v.jsonl:2:23: field \"chunk-id\": expected a string of digits as in the rows before (a file holds one variant), found an integer");
    }

    [Fact]
    public void Rejects_a_file_mixing_list_and_joined_authors_with_its_location()
    {
        var act = () => ReadText("{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"a\",\"authors\":[\"A B\"]}\n{\"doi\":\"1\",\"chunk-id\":1,\"chunk\":\"b\",\"authors\":\"A B, C D\"}\n");

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("v.jsonl:2:47: field \"authors\": expected a list of strings as in the rows before (a file holds one variant), found one comma-separated string");
    }

    [Fact]
    public void Rejects_references_mixing_objects_and_bare_ids()
    {
        var act = () => ReadText("{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"a\",\"references\":[{\"id\":\"x\"},\"y\"]}\n");

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("v.jsonl:1:62: field \"references\": expected a list of {\"id\": …} objects as in the rows before (a file holds one variant), found a list of strings");
    }

    [Fact]
    public void Rejects_a_chunk_id_string_that_would_not_be_written_back_the_same()
    {
        var act = () => ReadText("{\"doi\":\"1\",\"chunk-id\":\"007\",\"chunk\":\"a\"}\n");

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage("v.jsonl:1:23: field \"chunk-id\": expected a string of digits without leading zeros (so that it is written back the same), found \"007\"");
    }

    [Theory]
    [InlineData("\"-1\"")]
    [InlineData("\"1.0\"")]
    [InlineData("true")]
    public void Rejects_a_chunk_id_that_is_neither_an_integer_nor_digits(string chunkId)
    {
        var act = () => ReadText($"{{\"doi\":\"1\",\"chunk-id\":{chunkId},\"chunk\":\"a\"}}\n");

        act.Should().Throw<PaperChunksFormatException>()
            .WithMessage($"v.jsonl:1:23: field \"chunk-id\": expected an integer, found {chunkId}");
    }

    [Fact]
    public void Validates_the_ai_arxiv_chunked_rows_by_their_own_id_rule()
    {
        using var reader = new JsonlChunkReader(VariantPath("ai-arxiv-chunked.jsonl"));
        var rows = reader.ReadAll().ToList();

        rows.SelectMany(RecordValidator.Validate).Should().BeEmpty();
        RecordValidator.Validate(rows[2] with { Id = "1910.01108#2" }).Select(v => v.ToString()).Should().Equal(
            "field \"id\": expected \"1910.01108\" (the doi, as on this file's first row), found \"1910.01108#2\"");
    }

    [Fact]
    public void Validates_iso_dates()
    {
        var row = ReadText("{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"a\",\"published\":\"2019-10-02T17:56:28Z\",\"updated\":\"2020-03-01\"}\n")[0];

        row.PublishedDate.Should().Be(new DateOnly(2019, 10, 2));
        row.UpdatedDate.Should().Be(new DateOnly(2020, 3, 1));
        RecordValidator.Validate(row).Should().BeEmpty();
    }
}
