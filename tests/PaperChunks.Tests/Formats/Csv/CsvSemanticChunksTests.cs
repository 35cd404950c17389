using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using PaperChunks.Tests.Formats.Jsonl;
using Xunit;

namespace PaperChunks.Tests.Formats.Csv;

/// <summary>
/// The semantic-chunks layout (<c>jamescalam/ai-arxiv2-semantic-chunks</c>) to CSV and back, in its own seven columns
/// (it used to be refused: the chunked header had no place for the links).
/// </summary>
public sealed class CsvSemanticChunksTests : IDisposable
{
    private static readonly string Fixture = JsonlSchemaVariantTests.VariantPath("ai-arxiv2-semantic-chunks.jsonl");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task ToCsv()
    {
        var run = await CliRun.RunAsync("convert", Fixture, "-o", _temp.File("s.csv"));
        run.Exit.Should().Be(0, run.Error);
    }

    [Fact]
    public async Task Writes_the_layouts_own_columns_with_the_links_and_bare_id_references()
    {
        await ToCsv();

        File.ReadAllText(_temp.File("s.csv")).Should().StartWith(
            "id,title,content,prechunk_id,postchunk_id,arxiv_id,references\n"
            + "1910.01108#0,\"DistilBERT, a distilled version of BERT: smaller, faster, cheaper and lighter\",\"# DistilBERT, a distilled version of BERT: smaller, faster, cheaper and lighter\n\nVictor Sanh, Lysandre Debut, Julien Chaumond, Thomas Wolf\","
            + "\"\",1910.01108#1,1910.01108,\"[\"\"1503.02531\"\",\"\"1810.04805\"\",\"\"1907.11692\"\"]\"\n");
    }

    [Fact]
    public async Task Jsonl_to_csv_to_jsonl_gives_the_input_back_byte_for_byte()
    {
        await ToCsv();
        var run = await CliRun.RunAsync("convert", _temp.File("s.csv"), "-o", _temp.File("back.jsonl"));

        run.Exit.Should().Be(0, run.Error);
        File.ReadAllBytes(_temp.File("back.jsonl")).Should().Equal(File.ReadAllBytes(Fixture));
    }

    [Fact]
    public async Task Reads_the_same_records_as_the_jsonl_reader_and_validates()
    {
        await ToCsv();
        using var jsonl = new JsonlChunkReader(Fixture);
        using var csv = new CsvChunkReader(_temp.File("s.csv"));

        var fromCsv = csv.ReadAll().ToList();
        fromCsv.Should().Equal(jsonl.ReadAll().ToList());
        fromCsv.Should().OnlyContain(r => r.Schema.Layout == ChunkLayout.SemanticChunks && r.Schema.References == ChunkColumnType.StringList);
        (await CliRun.RunAsync("validate", _temp.File("s.csv"))).Out.Should().Be("3 rows, 0 problems\n");
    }

    [Fact]
    public void A_row_whose_id_has_no_index_is_a_located_error()
    {
        var csv = "id,title,content,prechunk_id,postchunk_id,arxiv_id,references\n1910.01108,t,c,\"\",\"\",1910.01108,[]\n";
        using var reader = new CsvChunkReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), new ReaderOptions { SourceName = "s.csv" });

        reader.Invoking(r => r.ReadAll().ToList()).Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "s.csv:2:1: field \"id\": expected {arxiv_id}#{index} (the semantic-chunks layout's id), found \"1910.01108\"");
    }

    [Fact]
    public void A_chunked_row_after_semantic_ones_is_refused_and_leaves_no_file()
    {
        var path = _temp.File("mixed.csv");
        using var reader = new JsonlChunkReader(Fixture);
        var rows = reader.ReadAll().Append(new ChunkRecord { Doi = "1703.04933", ChunkId = 40, Chunk = "text" }).ToList();

        var write = () =>
        {
            using var writer = PaperChunksWriter.CreateChunks(path);
            writer.WriteAll(rows);
        };

        write.Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
            $"{path}: the row of paper \"1703.04933\" chunk 40 has the chunked dataset's columns, but the file's first row fixed the semantic-chunks layout's header; convert with --schema canonical to mix the layouts");
        File.Exists(path).Should().BeFalse();
    }
}
