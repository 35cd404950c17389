using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Formats.Jsonl;
using Xunit;

namespace PaperChunks.Tests.Formats.ViewerText;

/// <summary>A viewer copy keeps its header's column types: the seeds' <c>authors</c>/<c>categories</c> are <c>stringlengths</c>.</summary>
public class ViewerSchemaTests
{
    [Theory]
    [InlineData(SeedFiles.ChunkLines)]
    [InlineData(SeedFiles.ChunkTable)]
    public void Records_the_header_types_int64_chunk_id_and_joined_authors_and_categories(string seed)
    {
        var rows = ViewerSeeds.Chunks(seed);

        rows.Should().OnlyContain(r => ReferenceEquals(r.Schema, rows[0].Schema));
        rows[0].Schema.Should().Be(ChunkSchema.Canonical with { Authors = ChunkColumnType.CommaSeparatedString, Categories = ChunkColumnType.CommaSeparatedString });
    }

    [Fact]
    public void Writes_seed_000_rows_to_jsonl_as_the_seed_holds_them()
    {
        var rows = ViewerSeeds.Chunks(SeedFiles.ChunkLines).Where(r => r.Id is "1703.04933#40" or "1703.05175#40");
        var output = new MemoryStream();
        using (var writer = new JsonlChunkWriter(output))
        {
            writer.WriteAll(rows);
        }

        Encoding.UTF8.GetString(output.ToArray()).Should().Be(File.ReadAllText(JsonlSchemaVariantTests.VariantPath("seeds-viewer-shaped.jsonl")));
    }
}
