using FluentAssertions;
using PaperChunks.Tests.Formats.Jsonl;
using PaperChunks.Tests.Formats.Parquet;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary><c>convert --schema</c>: the source's column types by default, the typed schema with <c>canonical</c>.</summary>
public class ConvertSchemaOptionTests
{
    private static string Variant(string name) => JsonlSchemaVariantTests.VariantPath(name);

    [Fact]
    public async Task Canonical_writes_the_ai_arxiv_chunked_rows_with_the_typed_parquet_schema()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("convert", Variant("ai-arxiv-chunked.jsonl"), "-o", temp.File("c.parquet"), "--schema", "canonical");

        run.Exit.Should().Be(0, run.Error);
        ParquetSchemaVariantTests.ColumnsOf(temp.File("c.parquet")).Should().Equal(
            "doi ByteArray String rep=0",
            "chunk-id Int64 Int(bitWidth=64, isSigned=true) rep=0",
            "chunk ByteArray String rep=0",
            "id ByteArray String rep=0",
            "title ByteArray String rep=0",
            "summary ByteArray String rep=0",
            "source ByteArray String rep=0",
            "authors.list.element ByteArray String rep=1",
            "categories.list.element ByteArray String rep=1",
            "comment ByteArray String rep=0",
            "journal_ref ByteArray String rep=0",
            "primary_category ByteArray String rep=0",
            "published ByteArray String rep=0",
            "updated ByteArray String rep=0",
            "references.list.element.id ByteArray String rep=1");
    }

    [Fact]
    public async Task Canonical_writes_integer_chunk_ids_and_lists_to_jsonl_and_keeps_the_id_rule()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("convert", Variant("seeds-viewer-shaped.jsonl"), "-o", temp.File("c.jsonl"), "--schema", "canonical");
        var validate = await CliRun.RunAsync("validate", temp.File("c.jsonl"));

        run.Exit.Should().Be(0, run.Error);
        File.ReadAllText(temp.File("c.jsonl")).Should().Contain(
            ",\"source\":\"http://arxiv.org/pdf/1703.05175\",\"authors\":[\"Jake Snell\",\"Kevin Swersky\",\"Richard S. Zemel\"],\"categories\":[\"cs.LG\",\"stat.ML\"],");
        validate.Out.Should().Be("2 rows, 0 problems\n");
    }

    [Fact]
    public async Task Canonical_gives_semantic_chunks_the_chunked_names_and_keeps_the_links_as_extra_fields()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("convert", Variant("ai-arxiv2-semantic-chunks.jsonl"), "-o", temp.File("c.jsonl"), "--schema", "canonical");

        run.Exit.Should().Be(0, run.Error);
        File.ReadAllLines(temp.File("c.jsonl"))[2].Should().Be(
            "{\"doi\":\"1910.01108\",\"chunk-id\":2,\"chunk\":\"## 1 Introduction\\n\\nThe last two years have seen the rise of Transfer Learning approaches in Natural Language Processing (NLP)\","
            + "\"id\":\"1910.01108#2\",\"title\":\"DistilBERT, a distilled version of BERT: smaller, faster, cheaper and lighter\","
            + "\"references\":[{\"id\":\"1503.02531\"},{\"id\":\"1810.04805\"},{\"id\":\"1907.11692\"}],\"prechunk_id\":\"1910.01108#1\",\"postchunk_id\":\"\"}");
    }

    [Fact]
    public async Task Source_is_the_default_and_keeps_the_string_chunk_id()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("convert", Variant("ai-arxiv-chunked.jsonl"), "-o", temp.File("c.parquet"));

        run.Exit.Should().Be(0, run.Error);
        ParquetSchemaVariantTests.ColumnsOf(temp.File("c.parquet"))[1].Should().Be("chunk-id ByteArray String rep=0");
    }

    [Fact]
    public async Task Inputs_storing_columns_differently_go_into_one_output_the_first_inputs_way()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("convert", Variant("seeds-viewer-shaped.jsonl"), SampleFiles.Chunks000, "-o", temp.File("m.parquet"));
        var back = await CliRun.RunAsync("convert", temp.File("m.parquet"), "-o", temp.File("m.jsonl"));

        run.Exit.Should().Be(0, run.Error);
        back.Exit.Should().Be(0, back.Error);
        ParquetSchemaVariantTests.ColumnsOf(temp.File("m.parquet"))[7].Should().Be("authors ByteArray String rep=0");
        File.ReadAllLines(temp.File("m.jsonl"))[2].Should().Contain(",\"authors\":\"Laurent Dinh, Razvan Pascanu, Samy Bengio, Yoshua Bengio\",\"categories\":\"cs.LG\",");
    }

    [Fact]
    public async Task A_row_the_first_inputs_joined_authors_cannot_hold_is_a_located_error()
    {
        using var temp = new TempDirectory();
        var listed = temp.File("listed.jsonl");
        File.WriteAllText(listed, "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"a\",\"authors\":[\"Smith, Jr.\",\"Doe\"]}\n");

        var run = await CliRun.RunAsync("convert", Variant("seeds-viewer-shaped.jsonl"), listed, "-o", temp.File("m.parquet"), "--on-error", "skip");

        run.Exit.Should().Be(1);
        run.Error.Should().Be(
            $"{listed}:1: field \"authors\": the output stores authors as one comma-separated string (as its first rows' source does), and an item holds \", \" or is empty, so it would not read back the same; convert with the canonical schema to mix such inputs\n");
        run.Out.Should().EndWith(": 2 rows, 1 skipped\n");
    }

    [Fact]
    public async Task Canonical_with_summarization_rows_is_a_usage_error()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("convert", SeedFiles.PathOf(SeedFiles.SciTldrLines), "-o", temp.File("s.jsonl"), "--schema", "canonical");

        run.Exit.Should().Be(2);
        run.Error.Should().Contain("holds summarization rows; the canonical schema applies to chunk rows only.");
        File.Exists(temp.File("s.jsonl")).Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_schema_name_is_a_usage_error()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("convert", Variant("ai-arxiv-chunked.jsonl"), "-o", temp.File("c.parquet"), "--schema", "typed");

        run.Exit.Should().Be(2);
        File.Exists(temp.File("c.parquet")).Should().BeFalse();
    }
}
