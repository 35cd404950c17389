using FluentAssertions;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Formats.Jsonl;
using Xunit;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// The chunk CSV header and a Parquet file's schema are fixed: a row with a column they lack is refused, never written without that column
/// (it used to be: an extra column, and in CSV the semantic-chunks links, were dropped with exit 0).
/// </summary>
public sealed class ExtraColumnRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pc-csv-refusal-").FullName;

    private static readonly ChunkRecord s_rowWithAnExtraColumn = new()
    {
        Doi = "1910.01108",
        ChunkId = 3,
        Chunk = "text",
        ExtraFields = [new ExtraField("extra_col", "7")],
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Action Write(string path, IReadOnlyList<ChunkRecord> rows) => () =>
    {
        using var writer = new CsvChunkWriter(path);
        writer.WriteAll(rows);
    };

    [Fact]
    public void Refuses_a_row_with_an_extra_column_and_leaves_no_file()
    {
        var path = Path.Combine(_folder, "out.csv");

        Write(path, [s_rowWithAnExtraColumn]).Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
            $"{path}: the row of paper \"1910.01108\" chunk 3 has the column \"extra_col\", which CSV output of chunk rows cannot hold; write JSON Lines or Parquet to keep it");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Refuses_semantic_chunks_rows_whose_links_it_cannot_hold()
    {
        var path = Path.Combine(_folder, "semantic.csv");
        using var reader = new JsonlChunkReader(JsonlSchemaVariantTests.VariantPath("ai-arxiv2-semantic-chunks.jsonl"));
        var rows = reader.ReadAll().ToList();

        Write(path, rows).Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
            $"{path}: the row of paper \"1910.01108\" chunk 0 is in the semantic-chunks layout (prechunk_id, postchunk_id), which CSV output cannot hold; write JSON Lines or Parquet");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Parquet_output_refuses_a_row_with_an_extra_column_too()
    {
        var path = Path.Combine(_folder, "out.parquet");

        var write = () =>
        {
            using var writer = PaperChunksWriter.CreateChunks(path);
            writer.WriteAll([s_rowWithAnExtraColumn]);
        };

        write.Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
            $"{path}: the row of paper \"1910.01108\" chunk 3 has the column \"extra_col\", which this Parquet file's schema cannot hold; write JSON Lines to keep it");
        File.Exists(path).Should().BeFalse();
    }
}
