using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>
/// A count or size out of range is a usage error (exit 2) that names the tool's option and the value given,
/// never .NET's wording of the library's check (<c>(Parameter 'RowGroupRows')</c>, <c>Actual value was 0.</c>);
/// nothing is written.
/// </summary>
public class OptionValueMessageTests
{
    [Theory]
    [InlineData("x.parquet", "--row-group-rows", "0", "--row-group-rows 0: expected a whole number of at least 1")]
    [InlineData("x.parquet", "--row-group-rows", "-5", "--row-group-rows -5: expected a whole number of at least 1")]
    [InlineData("shards", "--shard-rows", "0", "--shard-rows 0: expected a whole number of at least 1")]
    [InlineData("buckets", "--buckets", "0", "--buckets 0: expected a whole number of at least 1")]
    [InlineData("x.parquet", "--row-group-rows", "abc", "--row-group-rows abc: expected a whole number of at least 1")]
    [InlineData("x.parquet", "--row-group-size", "0", "--row-group-size 0: expected a size of at least 1KB, such as 256MB or 1GB")]
    [InlineData("x.parquet", "--row-group-size", "512", "--row-group-size 512: expected a size of at least 1KB, such as 256MB or 1GB")]
    [InlineData("shards", "--shard-size", "ten", "--shard-size ten: expected a size of at least 1KB, such as 256MB or 1GB")]
    public async Task Convert_names_the_option_and_value_out_of_range(string name, string option, string value, string message)
    {
        using var temp = new TempDirectory();

        var (exit, stdout, stderr) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", temp.File(name), option, value);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"paperchunks: {message}\nRun 'paperchunks convert --help' for usage.\n");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Theory]
    [InlineData("--threads", "0", "--threads 0: expected a whole number of at least 1")]
    [InlineData("--threads", "-2", "--threads -2: expected a whole number of at least 1")]
    [InlineData("--threads", "two", "--threads two: expected a whole number of at least 1")]
    [InlineData("--min-overlap", "0", "--min-overlap 0: expected a whole number of at least 1")]
    [InlineData("--memory-limit", "0", "--memory-limit 0: expected a size of at least 1MB, such as 256MB or 1GB")]
    [InlineData("--memory-limit", "512KB", "--memory-limit 512KB: expected a size of at least 1MB, such as 256MB or 1GB")]
    public async Task Reassemble_names_the_option_and_value_out_of_range(string option, string value, string message)
    {
        using var temp = new TempDirectory();

        var (exit, stdout, stderr) = await CliRun.RunAsync("reassemble", SampleFiles.Chunks000, "-o", temp.File("papers.jsonl"), option, value);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"paperchunks: {message}\nRun 'paperchunks reassemble --help' for usage.\n");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task A_partition_column_the_library_refuses_reads_without_dotnet_parameter_names()
    {
        using var temp = new TempDirectory();

        var (exit, _, stderr) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", temp.File("parts"), "--partition-by", "nosuch");

        exit.Should().Be(2);
        stderr.Should().Be(
            "paperchunks: Cannot partition by \"nosuch\"; use one of doi, title, source, comment, journal_ref, primary_category, published, updated.\n");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Buckets_and_partition_by_together_are_refused_by_their_option_names()
    {
        using var temp = new TempDirectory();

        var (exit, _, stderr) = await CliRun.RunAsync(
            "convert", SampleFiles.Chunks000, "-o", temp.File("parts"), "--partition-by", "primary_category", "--buckets", "4");

        exit.Should().Be(2);
        stderr.Should().Be("paperchunks: --buckets and --partition-by are two ways to split a folder; choose one\n");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }
}
