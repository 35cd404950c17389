using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

public class DetectAndConvertCommandTests
{
    [Fact]
    public async Task Detect_names_format_and_record_kind_of_each_input()
    {
        var (exit, output, _) = await CliRun.RunAsync("detect", SeedFiles.PathOf(SeedFiles.ChunkTable), SeedFiles.PathOf(SeedFiles.ShortScience), SampleFiles.Chunks000);

        exit.Should().Be(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{SeedFiles.PathOf(SeedFiles.ChunkTable)}: viewer-table.zst, chunk rows",
            $"{SeedFiles.PathOf(SeedFiles.ShortScience)}: shortscience.zst, paper-summary rows",
            $"{SampleFiles.Chunks000}: jsonl, chunk rows");
    }

    [Fact]
    public async Task Detect_reports_json()
    {
        var (exit, output, _) = await CliRun.RunAsync("detect", "--report", "json", SeedFiles.PathOf(SeedFiles.SciTldrLines));

        exit.Should().Be(0);
        output.Should().Contain("\"format\": \"viewer-lines.zst\"").And.Contain("\"kind\": \"summarization\"");
    }

    [Theory]
    [InlineData(SeedFiles.ChunkLines, 100)]
    [InlineData(SeedFiles.ChunkTable, 100)]
    [InlineData(SeedFiles.SciTldrLines, 100)]
    [InlineData(SeedFiles.ShortScience, 10)]
    public async Task Convert_output_passes_validate_with_the_seed_counts(string seed, int rows)
    {
        using var temp = new TempDirectory();
        var output = temp.File("out.jsonl");

        var convert = await CliRun.RunAsync("convert", SeedFiles.PathOf(seed), "-o", output);
        var validate = await CliRun.RunAsync("validate", output);

        convert.Exit.Should().Be(0);
        convert.Out.Should().EndWith($" -> {output}: {rows} rows, 0 skipped\n");
        validate.Exit.Should().Be(0);
        validate.Out.Should().Be($"{rows} rows, 0 problems\n");
    }

    [Fact]
    public async Task Convert_of_seed_000_with_the_canonical_schema_reproduces_the_bundled_sample_byte_for_byte()
    {
        using var temp = new TempDirectory();
        var output = temp.File("chunks-000.jsonl");

        (await CliRun.RunAsync("convert", SeedFiles.PathOf(SeedFiles.ChunkLines), "-o", output, "--schema", "canonical")).Exit.Should().Be(0);

        File.ReadAllBytes(output).Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
    }

    [Fact]
    public async Task Convert_with_from_reads_the_input_as_told()
    {
        using var temp = new TempDirectory();

        var (exit, _, error) = await CliRun.RunAsync("convert", SeedFiles.PathOf(SeedFiles.ChunkTable), "-o", temp.File("x.jsonl"), "--from", "viewer-lines");

        exit.Should().Be(1);
        error.Should().Contain("expected a dataset-viewer header: a column name, then its type");
    }

    [Fact]
    public async Task Convert_skips_and_reports_bad_rows_with_exit_code_1()
    {
        using var temp = new TempDirectory();
        var input = temp.File("000.txt");
        var lines = SeedFiles.Text(SeedFiles.ChunkLines).Split('\n');
        (lines[88], lines[89]) = (lines[89], lines[88]);
        File.WriteAllText(input, string.Join('\n', lines));

        var (exit, output, error) = await CliRun.RunAsync("convert", input, "-o", temp.File("out.jsonl"), "--on-error", "skip");

        exit.Should().Be(1);
        output.Should().EndWith(": 99 rows, 1 skipped\n");
        error.Should().Be($"{input}:90: field \"chunk-id\": row 3: expected an integer (int64), found \"1703.04908\"\n");
    }

    [Fact]
    public async Task Stats_reads_a_viewer_copy_directly()
    {
        var (exit, output, _) = await CliRun.RunAsync("stats", SeedFiles.PathOf(SeedFiles.ChunkTable));

        exit.Should().Be(0);
        output.Should().Contain("rows                100\n").And.Contain("papers              4\n").And.Contain("missing chunk ids   4\n");
    }

    [Fact]
    public async Task Convert_writes_a_viewer_copy_of_chunk_rows_as_csv_and_parquet()
    {
        using var temp = new TempDirectory();

        var csv = await CliRun.RunAsync("convert", SeedFiles.PathOf(SeedFiles.ChunkLines), "-o", temp.File("out.csv"), "--schema", "canonical");
        var parquet = await CliRun.RunAsync("convert", temp.File("out.csv"), "-o", temp.File("out.parquet"));
        var jsonl = await CliRun.RunAsync("convert", temp.File("out.parquet"), "-o", temp.File("out.jsonl"));

        csv.Exit.Should().Be(0);
        csv.Out.Should().EndWith($" -> {temp.File("out.csv")}: 100 rows, 0 skipped\n");
        parquet.Exit.Should().Be(0);
        jsonl.Exit.Should().Be(0);
        File.ReadAllBytes(temp.File("out.jsonl")).Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
    }
}
