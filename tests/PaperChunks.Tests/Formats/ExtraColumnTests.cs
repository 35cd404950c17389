using FluentAssertions;
using ParquetSharp;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using PaperChunks.Tests.Formats.Jsonl;
using PaperChunks.Tests.Formats.Parquet;
using Xunit;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// Extra (unknown) columns are kept by the Parquet and CSV chunk writers, fixed by the file's first row: JSONL → Parquet →
/// JSONL and JSONL → CSV → JSONL give the input back. What a fixed header or schema still cannot hold is refused, naming
/// the row and the column (it used to be dropped with exit 0).
/// </summary>
public sealed class ExtraColumnTests : IDisposable
{
    private static readonly string Fixture = JsonlSchemaVariantTests.VariantPath("extra-columns.jsonl");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ChunkRecord Row(long chunkId, params ExtraField[] extras) => new()
    {
        Doi = "1910.01108",
        ChunkId = chunkId,
        Chunk = "text",
        ExtraFields = extras,
    };

    private static async Task Convert(string from, string to)
    {
        var run = await CliRun.RunAsync("convert", from, "-o", to);
        run.Exit.Should().Be(0, run.Error);
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public async Task Jsonl_through_parquet_or_csv_gives_the_extra_columns_back_byte_for_byte(string format)
    {
        await Convert(Fixture, _temp.File("x." + format));
        await Convert(_temp.File("x." + format), _temp.File("back.jsonl"));

        File.ReadAllBytes(_temp.File("back.jsonl")).Should().Equal(File.ReadAllBytes(Fixture));
    }

    [Fact]
    public async Task Parquet_gets_a_string_column_per_extra_column_and_names_the_json_ones_in_its_metadata()
    {
        await Convert(Fixture, _temp.File("x.parquet"));

        ParquetSchemaVariantTests.ColumnsOf(_temp.File("x.parquet")).Skip(15).Should().Equal(
            "note ByteArray String rep=0",
            "score ByteArray String rep=0",
            "tags ByteArray String rep=0",
            "meta ByteArray String rep=0",
            "later ByteArray String rep=0");
        using var file = new ParquetFileReader(_temp.File("x.parquet"));
        file.FileMetaData.KeyValueMetadata["paperchunks.json_columns"].Should().Be("[\"score\",\"tags\",\"meta\",\"later\"]");
        using var rows = file.RowGroup(0);
        rows.Column(15).LogicalReader<string?>().ReadAll(3).Should().Equal("café \"q\"", "", null);
        rows.Column(19).LogicalReader<string?>().ReadAll(3).Should().Equal(null, "[1,\"two\"]", "3");
    }

    [Fact]
    public async Task Csv_gets_header_columns_with_strings_as_text_and_other_values_as_their_json()
    {
        await Convert(Fixture, _temp.File("x.csv"));
        var text = File.ReadAllText(_temp.File("x.csv"));

        text.Should().StartWith(
            "doi,chunk-id,chunk,id,title,summary,source,authors,categories,comment,journal_ref,primary_category,published,updated,references,note,score,tags,meta,later\n");
        // As the SciTLDR CSV writes them: the empty string as its JSON ("") since an empty cell means "no such column".
        text.Should().Contain(",\"[{\"\"id\"\":\"\"1910.01108\"\"}]\",\"café \"\"q\"\"\",1.50,\"[\"\"x\"\",\"\"y\"\"]\",\"{\"\"k\"\":null}\",null\n");
        text.Should().Contain(",\"\"\"\"\"\",-2,[],{},\"[1,\"\"two\"\"]\"\n");
        text.Should().EndWith(",null,true,\"[\"\"z\"\"]\",\"{\"\"a\"\":[1]}\",3\n");
    }

    [Fact]
    public void Csv_cells_of_an_extra_column_read_by_their_look()
    {
        var csv = "doi,chunk-id,chunk,x\n1910.01108,0,t,7\n1910.01108,1,t,\"\"\"7\"\"\"\n1910.01108,2,t,null\n1910.01108,3,t,\"[1, 2]\"\n1910.01108,4,t,hello\n1910.01108,5,t,[oops\n1910.01108,6,t,\n";
        using var reader = new CsvChunkReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)));

        reader.ReadAll().Select(r => string.Join("|", r.ExtraFields.Select(f => f.Json))).Should().Equal(
            "7", "\"7\"", "null", "[1, 2]", "\"hello\"", "\"[oops\"", "");
    }

    [Fact]
    public async Task A_row_without_an_extra_column_gets_a_null_there_in_parquet()
    {
        var path = _temp.File("x.parquet");
        using (var writer = PaperChunksWriter.CreateChunks(path))
        {
            writer.WriteAll([Row(0, new ExtraField("note", "\"a\"")), Row(1)]);
        }

        await Convert(path, _temp.File("x.jsonl"));

        File.ReadAllLines(_temp.File("x.jsonl")).Select(l => l[l.IndexOf(",\"note\"", StringComparison.Ordinal)..]).Should().Equal(
            ",\"note\":\"a\"}", ",\"note\":null}");
    }

    [Theory]
    [InlineData("out.parquet")]
    [InlineData("out.csv")]
    public void A_later_row_with_a_column_the_first_row_lacked_is_refused_and_leaves_no_file(string name)
    {
        var path = _temp.File(name);

        Write(path, [Row(0, new ExtraField("a", "1")), Row(3, new ExtraField("a", "2"), new ExtraField("extra_col", "7"))])
            .Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
                $"{path}: the row of paper \"1910.01108\" chunk 3 has the column \"extra_col\", which the file's first row did not have; the first row fixes the extra columns (write JSON Lines to keep rows whose extra columns differ)");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Parquet_refuses_a_non_string_in_a_column_the_first_row_made_a_text_column()
    {
        var path = _temp.File("out.parquet");

        Write(path, [Row(0, new ExtraField("note", "\"a\"")), Row(1, new ExtraField("note", "[1,2]"))])
            .Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
                $"{path}: the row of paper \"1910.01108\" chunk 1 has [1,2] in the column \"note\", which the file's first row made a text column (it held a string there); write JSON Lines to keep it");
        File.Exists(path).Should().BeFalse();
    }

    private static Action Write(string path, IReadOnlyList<ChunkRecord> rows) => () =>
    {
        using var writer = PaperChunksWriter.CreateChunks(path);
        writer.WriteAll(rows);
    };
}
