using System.Text.Json;
using FluentAssertions;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Records;

public class PaperShardTests
{
    // Computed with Python's hashlib (int(md5(doi).hexdigest()[:8], 16) % n), not by this code; the same
    // table is checked against the DuckDB query of docs/scale-out.md by benchmarks/scale-out/verify-bucket-sql.mjs.
    private static readonly string Table = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sharding", "paper-buckets.tsv");

    [Fact]
    public void Buckets_every_doi_of_the_pinned_table_as_python_hashlib_does()
    {
        var lines = File.ReadAllLines(Table).Where(l => !l.StartsWith('#')).ToList();
        var counts = lines[0].Split('\t')[2..].Select(c => int.Parse(c[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var checkedCells = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            var doi = JsonSerializer.Deserialize<string>(cells[0])!;
            for (var i = 0; i < counts.Count; i++)
            {
                PaperShard.BucketOf(doi, counts[i]).Should().Be(int.Parse(cells[i + 2], System.Globalization.CultureInfo.InvariantCulture), $"doi {cells[0]} with {counts[i]} buckets");
                checkedCells++;
            }
        }

        checkedCells.Should().Be(20 * 7);
    }

    [Fact]
    public void Remembered_buckets_stay_the_pinned_ones_when_papers_repeat_alternate_and_counts_change()
    {
        var lines = File.ReadAllLines(Table).Where(l => !l.StartsWith('#')).ToList();
        var counts = lines[0].Split('\t')[2..].Select(c => int.Parse(c[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        var recent = new RecentBucket();
        var checkedCells = 0;
        // Each doi three times in a row (the cached path), then the next; every count in turn; both key forms.
        for (var i = 0; i < counts.Count; i++)
        {
            foreach (var cells in rows.Concat(rows.AsEnumerable().Reverse()))
            {
                var doi = JsonSerializer.Deserialize<string>(cells[0])!;
                var expected = int.Parse(cells[i + 2], System.Globalization.CultureInfo.InvariantCulture);
                recent.OfUtf8(System.Text.Encoding.UTF8.GetBytes(doi), counts[i]).Should().Be(expected, $"doi {cells[0]} with {counts[i]} buckets");
                recent.Of(doi, counts[i]).Should().Be(expected);
                recent.OfUtf8(System.Text.Encoding.UTF8.GetBytes(doi), counts[i]).Should().Be(expected);
                checkedCells++;
            }
        }

        checkedCells.Should().Be(2 * 20 * 7);
    }

    [Theory]
    [InlineData("1703.04933", 7, 0)]
    [InlineData("1511.07289", 7, 3)]
    [InlineData("Ångström/π–ü", 16, 13)]
    [InlineData("1703.04933 ", 16, 15)]
    public void Hashes_the_exact_utf8_bytes_of_the_doi(string doi, int count, int bucket) =>
        PaperShard.BucketOf(doi, count).Should().Be(bucket);

    [Fact]
    public void Parses_k_of_n_and_prints_it_back()
    {
        var shard = PaperShard.Parse("3/8");

        shard.Should().Be(new PaperShard(3, 8));
        shard.ToString().Should().Be("3/8");
    }

    [Theory]
    [InlineData("8/8", "shard 8 of 8: the index must be below the count (shards are numbered 0 to 7)")]
    [InlineData("3", "expected K/N (this worker's shard K of N, 0 <= K < N) or env/N, found \"3\"")]
    [InlineData("-1/4", "expected K/N (this worker's shard K of N, 0 <= K < N) or env/N, found \"-1/4\"")]
    [InlineData("1/0", "expected K/N (this worker's shard K of N, 0 <= K < N) or env/N, found \"1/0\"")]
    public void Rejects_a_malformed_shard_with_what_was_expected(string text, string message) =>
        FluentActions.Invoking(() => PaperShard.Parse(text, _ => null)).Should().Throw<FormatException>().WithMessage(message);

    [Fact]
    public void Takes_the_index_of_a_kubernetes_indexed_job_first_then_slurm()
    {
        var both = new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "2", ["SLURM_ARRAY_TASK_ID"] = "1" };
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "1" };

        PaperShard.Parse("env/4", both.GetValueOrDefault).Should().Be(new PaperShard(2, 4));
        PaperShard.Parse("env/4", slurm.GetValueOrDefault).Should().Be(new PaperShard(1, 4));
    }

    [Fact]
    public void Names_both_variables_when_neither_is_set()
    {
        FluentActions.Invoking(() => PaperShard.Parse("env/4", _ => null)).Should().Throw<FormatException>().WithMessage(
            "env/4: neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID is set; pass the shard as K/4, or run under a Kubernetes Indexed Job or a Slurm job array");
    }

    [Fact]
    public void Rejects_a_slurm_array_numbered_from_one_past_the_last_shard()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "4" };

        FluentActions.Invoking(() => PaperShard.Parse("env/4", env.GetValueOrDefault)).Should().Throw<FormatException>().WithMessage(
            "env/4: SLURM_ARRAY_TASK_ID is \"4\"; expected a shard index from 0 to 3 (a Slurm array runs as --array=0-3)");
    }
}
