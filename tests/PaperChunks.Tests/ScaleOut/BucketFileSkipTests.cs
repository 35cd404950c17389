using System.Text.RegularExpressions;
using FluentAssertions;
using Parquet;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.ScaleOut;

/// <summary>
/// Files of a <c>convert --buckets N</c> dataset name their bucket in the footer, so a <c>--shard k/n</c> worker given
/// the whole dataset skips the files of other shards unread when n divides N, and still reads every file otherwise.
/// </summary>
public sealed class BucketFileSkipTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _dataset;

    public BucketFileSkipTests()
    {
        _dataset = _temp.File("bk");
        var (exit, _, error) = CliRun.RunAsync("convert", SampleFiles.Chunks000, SampleFiles.Chunks001, "-o", _dataset, "--buckets", "4", "--quiet").GetAwaiter().GetResult();
        exit.Should().Be(0, error);
    }

    public void Dispose() => _temp.Dispose();

    private string[] Files => [.. Enumerable.Range(0, 4).Select(FileOf)];

    [Fact]
    public async Task Each_bucket_file_names_its_bucket_in_the_footer()
    {
        foreach (var k in Enumerable.Range(0, 4))
        {
            await using var stream = File.OpenRead(FileOf(k));
            await using var reader = await ParquetReader.CreateAsync(stream);
            reader.CustomMetadata.Should().Contain("paperchunks.bucket", $"{k}/4");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(1)]
    public async Task A_shard_over_the_whole_dataset_has_the_rows_of_its_buckets_files(int n)
    {
        foreach (var k in Enumerable.Range(0, n))
        {
            var own = Files.Where((_, bucket) => bucket % n == k).ToArray();
            var (exit, output, error) = await CliRun.RunAsync(["stats", .. Files, "--shard", $"{k}/{n}", "--report", "json"]);
            var (alone, ownOutput, _) = await CliRun.RunAsync(["stats", .. own, "--report", "json"]);

            exit.Should().Be(0, error);
            alone.Should().Be(0);
            Rows(output).Should().Be(Rows(ownOutput)).And.BePositive();
        }
    }

    [Fact]
    public async Task A_shard_does_not_read_another_shards_files_at_all()
    {
        // Rows of bucket 1 damaged, its footer intact: only the shard that owns bucket 1 reads them.
        var damaged = FileOf(1);
        var bytes = File.ReadAllBytes(damaged);
        Array.Fill(bytes, (byte)0xFF, 4, 64);
        File.WriteAllBytes(damaged, bytes);

        var others = await CliRun.RunAsync(["stats", .. Files, "--shard", "0/4"]);
        var half = await CliRun.RunAsync(["stats", .. Files, "--shard", "0/2"]);
        var owner = await CliRun.RunAsync(["stats", .. Files, "--shard", "1/4"]);
        var ownerOfHalf = await CliRun.RunAsync(["stats", .. Files, "--shard", "1/2"]);
        var unaligned = await CliRun.RunAsync(["stats", .. Files, "--shard", "0/3"]);

        others.Exit.Should().Be(0, others.Error);
        half.Exit.Should().Be(0, half.Error);
        owner.Exit.Should().Be(1);
        owner.Error.Should().Contain($"{damaged}:1: row group 0 (from row 1) cannot be decoded");
        ownerOfHalf.Exit.Should().Be(1);
        ownerOfHalf.Error.Should().Contain($"{damaged}:1: row group 0 (from row 1) cannot be decoded");
        // 3 does not divide 4: the bucket says nothing about shard 0/3, which reads every file.
        unaligned.Exit.Should().Be(1);
        unaligned.Error.Should().Contain($"{damaged}:1: row group 0 (from row 1) cannot be decoded");
    }

    private string FileOf(int bucket) => Path.Combine(_dataset, $"bucket={bucket}", "train-00000-of-00001.parquet");

    private static long Rows(string report) =>
        long.Parse(Regex.Match(report, "\"rows\": ([0-9]+),").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
