using FluentAssertions;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.ViewerText;

public class ViewerGenericReaderTests
{
    private const string Lines =
        "name\nstringlengths\n3\n7\nscore\nint64\n0\n9\ntags\nlist\nratio\nfloat64\n0.1\n0.9\n"
        + "alpha\n3\n[ \"a\", \"b\" ]\n0.25\n"
        + "beta\nnull\n[]\n0.5\n";

    [Fact]
    public void Reads_an_unknown_column_set_as_typed_json_fields_in_header_order()
    {
        using var reader = new ViewerGenericReader(ViewerSeeds.Stream(Lines));

        var rows = reader.ReadAll().ToList();

        rows.Should().Equal(
            new GenericRecord { Fields = [new("name", "\"alpha\""), new("score", "3"), new("tags", "[\"a\",\"b\"]"), new("ratio", "0.25")] },
            new GenericRecord { Fields = [new("name", "\"beta\""), new("score", "null"), new("tags", "[]"), new("ratio", "0.5")] });
        rows[0].JsonOf("tags").Should().Be("[\"a\",\"b\"]");
        rows[0].JsonOf("missing").Should().BeNull();
    }

    [Fact]
    public void Reads_chunk_rows_generically_keeping_authors_as_the_printed_string()
    {
        using var reader = new ViewerGenericReader(SeedFiles.PathOf(SeedFiles.ChunkTable));

        var first = reader.ReadAll().First();

        first.Fields.Select(f => f.Name).Should().Equal(ChunkColumns.All);
        first.JsonOf("chunk-id").Should().Be("37");
        first.JsonOf("authors").Should().Be("\"Djork-Arné Clevert, Thomas Unterthiner, Sepp Hochreiter\"");
        first.JsonOf("journal_ref").Should().Be("null");
        first.JsonOf("references").Should().Be("[]");
    }

    [Fact]
    public void Rejects_a_cell_that_does_not_fit_its_integer_column()
    {
        using var reader = new ViewerGenericReader(ViewerSeeds.Stream(Lines.Replace("alpha\n3\n", "alpha\nthree\n", StringComparison.Ordinal)), ViewerSeeds.Options(ErrorPolicy.FailFast, "g.txt"));

        var read = () => reader.ReadAll().ToList();

        read.Should().Throw<PaperChunksFormatException>().Which.Should().BeEquivalentTo(new
        {
            Line = 16L,
            Field = "score",
            Message = "g.txt:16: field \"score\": row 1: expected an integer (int64), found \"three\"",
        });
    }
}
