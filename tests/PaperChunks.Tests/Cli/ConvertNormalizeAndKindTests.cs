using System.Text.Json;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using Xunit;

namespace PaperChunks.Tests.Cli;

public class ConvertNormalizeAndKindTests
{
    // Seed 001 has the reference "S.-I. Natural gradient works efï¬ciently in learning." once.
    [Fact]
    public async Task Convert_normalize_to_jsonl_repairs_the_ligature_of_seed_001_and_reports_it()
    {
        using var temp = new TempDirectory();
        var input = SeedFiles.WritePlain(SeedFiles.ChunkTable, temp.Path);
        var output = temp.File("out.jsonl");

        var (exit, report, error) = await CliRun.RunAsync("convert", input, "-o", output, "--normalize", "--report", "json");

        exit.Should().Be(0, error);
        await using var reader = new JsonlChunkReader(output);
        var chunks = reader.ReadAll().Select(r => r.Chunk).ToList();
        chunks.Should().HaveCount(100);
        chunks.Should().Contain(c => c.Contains("Natural gradient works efficiently in learning.", StringComparison.Ordinal));
        chunks.Should().NotContain(c => c.Contains("efï¬ciently", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(report);
        var normalization = json.RootElement.GetProperty("normalization");
        normalization.GetProperty("records").GetInt64().Should().Be(100);
        normalization.GetProperty("fixes").GetProperty("LossyMojibake").GetInt64().Should().BeGreaterThan(0);
        normalization.GetProperty("corpus_words").GetInt32().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Convert_normalize_to_parquet_writes_the_repaired_text()
    {
        using var temp = new TempDirectory();
        var input = SeedFiles.WritePlain(SeedFiles.ChunkTable, temp.Path);
        var output = temp.File("out.parquet");

        var (exit, _, error) = await CliRun.RunAsync("convert", input, "-o", output, "--normalize");

        exit.Should().Be(0, error);
        await using var reader = new ParquetChunkReader(output);
        var chunks = reader.ReadAll().Select(r => r.Chunk).ToList();
        chunks.Should().HaveCount(100);
        chunks.Should().Contain(c => c.Contains("Natural gradient works efficiently in learning.", StringComparison.Ordinal));
        chunks.Sum(c => NormalizeCommandTests.CountOf(c, "ï¬rst")).Should().Be(0, "seed 001 has \"ï¬rst\" 16 times and the normalizer repairs it");
    }

    [Fact]
    public async Task Convert_without_normalize_keeps_the_ligature()
    {
        using var temp = new TempDirectory();
        var input = SeedFiles.WritePlain(SeedFiles.ChunkTable, temp.Path);
        var output = temp.File("out.jsonl");

        var (exit, report, _) = await CliRun.RunAsync("convert", input, "-o", output, "--report", "json");

        exit.Should().Be(0);
        await using var reader = new JsonlChunkReader(output);
        reader.ReadAll().Sum(r => NormalizeCommandTests.CountOf(r.Chunk, "ï¬rst")).Should().Be(16);
        using var json = JsonDocument.Parse(report);
        json.RootElement.GetProperty("normalization").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Convert_rejects_field_without_normalize()
    {
        using var temp = new TempDirectory();
        var input = SeedFiles.WritePlain(SeedFiles.ChunkTable, temp.Path);

        var (exit, _, error) = await CliRun.RunAsync("convert", input, "-o", temp.File("out.jsonl"), "--field", "title");

        exit.Should().Be(2);
        error.Should().Be("paperchunks: --field only applies with --normalize" + Environment.NewLine);
    }

    [Fact]
    public async Task Converts_the_scitldr_seed_to_parquet_with_its_labels()
    {
        using var temp = new TempDirectory();
        var output = temp.File("scitldr.parquet");

        var (exit, _, error) = await CliRun.RunAsync("convert", SeedFiles.PathOf(SeedFiles.SciTldrLines), "-o", output);

        exit.Should().Be(0, error);
        await using var reader = PaperChunksReader.OpenSummarization(output);
        var rows = reader.ReadAll().ToList();
        rows.Should().HaveCount(100);
        rows[0].PaperId.Should().Be("SJzuHiA9tQ");
        rows[0].Target.Should().Equal("Generative Adversarial Network Training is a Continual Learning Problem.");
        var seedLabels = SeedFiles.Text(SeedFiles.SciTldrLines).Split('\n')
            .Where(l => l.StartsWith("[ ", StringComparison.Ordinal))
            .Select(l => l.Trim('[', ']', ' ', '\r').Split(',').Select(n => int.Parse(n.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList())
            .ToList();
        seedLabels.Should().HaveCount(100);
        rows.Select(r => r.SourceLabels.ToList()).Should().BeEquivalentTo(seedLabels, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Converts_the_shortscience_seed_to_parquet()
    {
        using var temp = new TempDirectory();
        var output = temp.File("shortscience.parquet");

        var (exit, _, error) = await CliRun.RunAsync("convert", SeedFiles.PathOf(SeedFiles.ShortScience), "-o", output);

        exit.Should().Be(0, error);
        await using var reader = PaperChunksReader.OpenPaperSummaries(output);
        reader.ReadAll().Should().HaveCount(10);
    }

    [Fact]
    public async Task Converts_the_scitldr_seed_to_csv_and_back_to_the_same_records()
    {
        using var temp = new TempDirectory();
        var output = temp.File("scitldr.csv");

        var (exit, text, error) = await CliRun.RunAsync("convert", SeedFiles.PathOf(SeedFiles.SciTldrLines), "-o", output);

        exit.Should().Be(0, error);
        text.Should().EndWith("(viewer-lines.zst, summarization rows) -> " + output + ": 100 rows, 0 skipped\n");
        await using var csv = PaperChunksReader.OpenSummarization(output);
        await using var seed = PaperChunksReader.OpenSummarization(SeedFiles.PathOf(SeedFiles.SciTldrLines));
        csv.ReadAll().Should().Equal(seed.ReadAll());
    }

    [Fact]
    public async Task Rejects_rows_of_any_column_set_to_csv_as_a_usage_error()
    {
        using var temp = new TempDirectory();
        var input = temp.File("rows.jsonl");
        File.WriteAllText(input, "{\"a\":1}\n");
        var output = temp.File("rows.csv");

        var (exit, _, error) = await CliRun.RunAsync("convert", input, "-o", output);

        exit.Should().Be(2);
        error.Should().StartWith("paperchunks: ").And.Contain("generic rows, which cannot be written as CSV");
        File.Exists(output).Should().BeFalse();
    }
}
