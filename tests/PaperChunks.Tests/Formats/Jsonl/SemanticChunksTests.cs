using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using PaperChunks.Tests.Formats.Parquet;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

/// <summary>The semantic-chunks layout (jamescalam/ai-arxiv2-semantic-chunks) read, written with its own names, validated.</summary>
public class SemanticChunksTests
{
    private static readonly string Fixture = JsonlSchemaVariantTests.VariantPath("ai-arxiv2-semantic-chunks.jsonl");

    private static List<ChunkRecord> ReadText(string text) =>
        new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ReaderOptions { SourceName = "v.jsonl" }).ReadAll().ToList();

    private static List<ChunkRecord> ReadFixture()
    {
        using var reader = new JsonlChunkReader(Fixture);
        return reader.ReadAll().ToList();
    }

    private static byte[] ToJsonl(IEnumerable<ChunkRecord> rows)
    {
        var output = new MemoryStream();
        using (var writer = new JsonlChunkWriter(output))
        {
            writer.WriteAll(rows);
        }

        return output.ToArray();
    }

    [Fact]
    public void Maps_arxiv_id_content_and_the_index_after_the_hash_onto_the_chunk_record()
    {
        var row = ReadFixture()[1];

        row.Doi.Should().Be("1910.01108");
        row.ChunkId.Should().Be(1);
        row.Id.Should().Be("1910.01108#1");
        row.Chunk.Should().StartWith("## Abstract\n\nAs Transfer Learning");
        row.References.Select(r => r.Id).Should().Equal("1503.02531", "1810.04805", "1907.11692");
        row.ExtraFields.Should().Equal(new ExtraField("prechunk_id", "\"1910.01108#0\""), new ExtraField("postchunk_id", "\"1910.01108#2\""));
        row.Schema.Should().Be(ChunkSchema.Canonical with { Layout = ChunkLayout.SemanticChunks, References = ChunkColumnType.StringList });
    }

    [Fact]
    public void Writes_the_rows_back_with_their_own_column_names_byte_for_byte()
    {
        ToJsonl(ReadFixture()).Should().Equal(File.ReadAllBytes(Fixture));
    }

    [Fact]
    public void Jsonl_to_parquet_to_jsonl_gives_the_rows_back_byte_for_byte_with_the_layouts_parquet_columns()
    {
        using var temp = new TempDirectory();
        var parquet = temp.File("s.parquet");
        using (var writer = new ParquetChunkWriter(parquet))
        {
            writer.WriteAll(ReadFixture());
        }

        using var back = new ParquetChunkReader(parquet);

        ToJsonl(back.ReadAll()).Should().Equal(File.ReadAllBytes(Fixture));
        ParquetSchemaVariantTests.ColumnsOf(parquet).Should().Equal(
            "id ByteArray String rep=0",
            "title ByteArray String rep=0",
            "content ByteArray String rep=0",
            "prechunk_id ByteArray String rep=0",
            "postchunk_id ByteArray String rep=0",
            "arxiv_id ByteArray String rep=0",
            "references.list.element ByteArray String rep=1");
    }

    [Fact]
    public void The_fixture_rows_keep_the_layouts_rules()
    {
        ReadFixture().SelectMany(RecordValidator.Validate).Should().BeEmpty();
    }

    [Fact]
    public void A_link_to_another_paper_breaks_the_layouts_rules()
    {
        var row = ReadText("{\"id\":\"1910.01108#1\",\"title\":\"t\",\"content\":\"c\",\"prechunk_id\":\"1810.04805#0\",\"postchunk_id\":\"\",\"arxiv_id\":\"1910.01108\",\"references\":[]}\n")[0];

        RecordValidator.Validate(row).Select(v => $"{v.Field}: {v.Message}").Should().Equal(
            "prechunk_id: expected \"\" or the id of an earlier chunk of 1910.01108 (1910.01108#n, n < 1), found \"1810.04805#0\"");
    }

    [Fact]
    public void Rejects_an_id_without_an_index()
    {
        var act = () => ReadText("{\"id\":\"1910.01108\",\"content\":\"c\",\"arxiv_id\":\"1910.01108\"}\n");

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "v.jsonl:1:1: field \"id\": expected {arxiv_id}#{index} (the semantic-chunks layout's id), found \"1910.01108\"");
    }

    [Fact]
    public void Rejects_a_file_mixing_the_chunked_and_the_semantic_layout()
    {
        var act = () => ReadText("{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"a\"}\n{\"id\":\"1#1\",\"content\":\"b\",\"arxiv_id\":\"1\"}\n");

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "v.jsonl:2:1: expected the chunked dataset's columns (doi, chunk-id, chunk) as in the rows before (a file holds one variant), found the semantic-chunks layout's (id, content, arxiv_id)");
    }
}
