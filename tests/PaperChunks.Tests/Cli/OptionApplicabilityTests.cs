using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>
/// Options that the output would ignore, output names that contradict <c>--to</c>, and <c>--field</c> names the
/// input does not have are usage errors (exit 2) with exact messages, and nothing is written.
/// </summary>
public class OptionApplicabilityTests
{
    [Theory]
    [InlineData("x.csv", "--partition-by", "primary_category", "--partition-by applies to Parquet output only; this output is CSV")]
    [InlineData("x.jsonl", "--shard-rows", "10", "--shard-rows applies to Parquet output only; this output is JSON Lines")]
    [InlineData("x.csv", "--shard-size", "1MB", "--shard-size applies to Parquet output only; this output is CSV")]
    [InlineData("x.csv", "--compression", "zstd", "--compression applies to Parquet output only; this output is CSV")]
    [InlineData("x.jsonl.gz", "--row-group-rows", "5", "--row-group-rows applies to Parquet output only; this output is JSON Lines")]
    [InlineData("x.jsonl", "--row-group-size", "1MB", "--row-group-size applies to Parquet output only; this output is JSON Lines")]
    [InlineData("x.jsonl", "--buckets", "4", "--buckets applies to Parquet output only; this output is JSON Lines")]
    [InlineData("x.csv", "--buckets", "4", "--buckets applies to Parquet output only; this output is CSV")]
    [InlineData("x.parquet", "--escape-formulas", null, "--escape-formulas applies to CSV output only; this output is Parquet")]
    [InlineData("x.jsonl", "--scan-columns", null, "--scan-columns applies to CSV and Parquet output only; this output is JSON Lines, which keeps every row's columns")]
    public async Task Convert_refuses_an_option_the_output_format_would_ignore(string name, string option, string? value, string message)
    {
        using var temp = new TempDirectory();
        var output = temp.File(name);
        string[] args = value is null
            ? ["convert", SampleFiles.Chunks000, "-o", output, option]
            : ["convert", SampleFiles.Chunks000, "-o", output, option, value];

        var (exit, stdout, error) = await CliRun.RunAsync(args);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        error.Should().Be($"paperchunks: {message}\n");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Convert_takes_parquet_options_for_parquet_output()
    {
        using var temp = new TempDirectory();
        var output = temp.File("x.parquet");

        var (exit, _, _) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", output, "--compression", "zstd", "--row-group-rows", "10");

        exit.Should().Be(0);
        File.ReadAllBytes(output).AsSpan(0, 4).ToArray().Should().Equal("PAR1"u8.ToArray());
    }

    [Fact]
    public async Task Convert_refuses_to_that_contradicts_the_output_name()
    {
        using var temp = new TempDirectory();
        var output = temp.File("x.parquet");

        var (exit, _, error) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "--to", "csv", "-o", output);

        exit.Should().Be(2);
        error.Should().Be($"paperchunks: --to csv contradicts the output name \"{output}\", which is Parquet; name it .csv or leave out --to\n");
        File.Exists(output).Should().BeFalse();
    }

    [Theory]
    [InlineData("normalize")]
    [InlineData("convert")]
    [InlineData("reassemble")]
    public async Task A_field_the_rows_do_not_have_is_a_usage_error(string command)
    {
        using var temp = new TempDirectory();
        var output = temp.File("out.jsonl");
        string[] args = command == "normalize"
            ? [command, SampleFiles.Chunks000, "-o", output, "--field", "chunkz"]
            : [command, SampleFiles.Chunks000, "-o", output, "--normalize", "--field", "chunkz"];

        var (exit, _, error) = await CliRun.RunAsync(args);

        exit.Should().Be(2);
        error.Should().Be("paperchunks: --field chunkz: chunk rows have no text field \"chunkz\"; expected one of chunk, title, summary, doi, id, source, authors, categories, comment, journal_ref, primary_category\n");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Normalize_to_a_parquet_name_writes_parquet()
    {
        using var temp = new TempDirectory();
        var output = temp.File("x.parquet");

        var (exit, _, _) = await CliRun.RunAsync("normalize", SampleFiles.Chunks000, "-o", output, "--no-corpus-vocabulary");
        var detect = await CliRun.RunAsync("detect", output);

        exit.Should().Be(0);
        File.ReadAllBytes(output).AsSpan(0, 4).ToArray().Should().Equal("PAR1"u8.ToArray());
        detect.Out.Should().Be($"{output}: parquet, chunk rows\n");
    }

    [Fact]
    public async Task Normalize_keeps_the_flattened_scitldr_shape_so_validate_passes()
    {
        using var temp = new TempDirectory();
        var output = temp.File("scitldr.jsonl");

        var (exit, _, _) = await CliRun.RunAsync("normalize", SeedFiles.PathOf(SeedFiles.SciTldrLines), "-o", output, "--no-corpus-vocabulary");
        var validate = await CliRun.RunAsync("validate", output);

        exit.Should().Be(0);
        File.ReadLines(output).First().Should().StartWith("{\"source\":\"Generative Adversarial Networks (GANs) have proven");
        validate.Exit.Should().Be(0);
        validate.Out.Should().Be("100 rows, 0 problems\n");
    }
}
