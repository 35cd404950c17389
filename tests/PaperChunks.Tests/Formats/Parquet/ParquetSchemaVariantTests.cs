using Encoding = System.Text.Encoding;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using PaperChunks.Tests.Formats.Jsonl;
using ParquetSharp;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

/// <summary>Each schema variant through Parquet with its own column types, and back to the same JSONL bytes.</summary>
public class ParquetSchemaVariantTests
{
    private static string ToParquet(string fixture, TempDirectory temp)
    {
        var path = temp.File(Path.ChangeExtension(fixture, ".parquet"));
        using var reader = new JsonlChunkReader(JsonlSchemaVariantTests.VariantPath(fixture));
        using var writer = new ParquetChunkWriter(path, new ParquetWriterOptions { RowGroupRows = 2 });
        foreach (var record in reader.ReadAll())
        {
            writer.Write(record);
        }

        writer.Complete();
        return path;
    }

    private static byte[] ToJsonl(string parquet)
    {
        var output = new MemoryStream();
        using var reader = new ParquetChunkReader(parquet);
        using (var writer = new JsonlChunkWriter(output))
        {
            foreach (var record in reader.ReadAll())
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    internal static string[] ColumnsOf(string path)
    {
        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        return Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i))
            .Select(c => $"{c.Path.ToDotString()} {c.PhysicalType} {c.LogicalType} rep={c.MaxRepetitionLevel}").ToArray();
    }

    [Theory]
    [InlineData("ai-arxiv-chunked.jsonl")]
    [InlineData("seeds-viewer-shaped.jsonl")]
    public void Jsonl_to_Parquet_to_Jsonl_gives_the_input_back_byte_for_byte(string fixture)
    {
        using var temp = new TempDirectory();

        ToJsonl(ToParquet(fixture, temp)).Should().Equal(File.ReadAllBytes(JsonlSchemaVariantTests.VariantPath(fixture)));
    }

    [Fact]
    public void Ai_arxiv_chunked_keeps_a_string_chunk_id_column()
    {
        using var temp = new TempDirectory();

        ColumnsOf(ToParquet("ai-arxiv-chunked.jsonl", temp)).Take(2).Should().Equal(
            "doi ByteArray String rep=0",
            "chunk-id ByteArray String rep=0");
    }

    [Fact]
    public void The_seeds_variant_keeps_authors_and_categories_as_string_columns()
    {
        using var temp = new TempDirectory();

        ColumnsOf(ToParquet("seeds-viewer-shaped.jsonl", temp)).Should().Equal(
            "doi ByteArray String rep=0",
            "chunk-id Int64 Int(bitWidth=64, isSigned=true) rep=0",
            "chunk ByteArray String rep=0",
            "id ByteArray String rep=0",
            "title ByteArray String rep=0",
            "summary ByteArray String rep=0",
            "source ByteArray String rep=0",
            "authors ByteArray String rep=0",
            "categories ByteArray String rep=0",
            "comment ByteArray String rep=0",
            "journal_ref ByteArray String rep=0",
            "primary_category ByteArray String rep=0",
            "published ByteArray String rep=0",
            "updated ByteArray String rep=0",
            "references.list.element.id ByteArray String rep=1");
    }

    [Fact]
    public void Bare_id_references_become_a_list_of_strings_and_come_back()
    {
        const string text = "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"a\",\"references\":[\"1503.02531\",\"1810.04805\"]}\n";
        using var temp = new TempDirectory();
        var path = temp.File("bare.parquet");
        using (var reader = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text))))
        using (var writer = new ParquetChunkWriter(path))
        {
            writer.Write(reader.ReadAll().Single());
            writer.Complete();
        }

        ColumnsOf(path).Last().Should().Be("references.list.element ByteArray String rep=1");
        using var back = new ParquetChunkReader(path);
        var read = back.ReadAll().Single();
        read.References.Should().Equal(new PaperReference("1503.02531"), new PaperReference("1810.04805"));
        read.Schema.References.Should().Be(ChunkColumnType.StringList);
    }

    [Fact]
    public void Refuses_rows_whose_sources_store_a_column_differently()
    {
        using var temp = new TempDirectory();
        var row = new ChunkRecord { Doi = "1", ChunkId = 0, Chunk = "a" };
        using var writer = new ParquetChunkWriter(temp.File("mixed.parquet"));
        writer.Write(row);

        var act = () => writer.Write(row with { Schema = ChunkSchema.Canonical with { ChunkId = ChunkColumnType.DigitString } });

        act.Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
            temp.File("mixed.parquet") + ": the row of paper \"1\" chunk 0, column \"chunk-id\": it comes from a source that stores its columns as chunk-id string, authors list<string>, categories list<string>, references list<struct<id>>, "
            + "but the file's first rows fixed chunk-id int64, authors list<string>, categories list<string>, references list<struct<id>>; convert with the canonical schema (--schema canonical) to mix such inputs");
    }
}
