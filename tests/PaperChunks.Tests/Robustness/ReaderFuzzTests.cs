using CsCheck;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// Every reader, fed damaged real fixtures, returns records or throws a located
/// <see cref="PaperChunksFormatException"/>: never another exception type, a hang, or runaway memory.
/// CI runs a bounded number of cases; set PAPERCHUNKS_FUZZ_ITER (e.g. 100000) for a long run by hand.
/// </summary>
public class ReaderFuzzTests
{
    private static readonly long? LongRun = long.TryParse(Environment.GetEnvironmentVariable("PAPERCHUNKS_FUZZ_ITER"), out var n) ? n : null;

    // CI runs the same 400 cases on one thread every time (fixed seeds, FuzzSeeds), so a submission is never
    // failed by a case no change of its made; the long mode (PAPERCHUNKS_FUZZ_ITER) draws new random cases on
    // all cores to find new bugs. The first seed is the one that found the "dictionary already read" Parquet case.
    private const string CiSeed = "d5K33g9HSAG6";
    private const int CiCases = 400;

    private static readonly Gen<(Mutation[] Mutations, bool Skip)> Damage = Gen.Select(Mutation.Several, Gen.Bool);

    public static TheoryData<string> Readers()
    {
        var data = new TheoryData<string>();
        foreach (var reader in ReaderUnderTest.All)
        {
            data.Add(reader.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Reads_every_row_of_the_undamaged_fixture(string name)
    {
        var reader = ReaderUnderTest.All.Single(r => r.Name == name);

        var records = reader.ReadAll(new MemoryStream(reader.Fixture), ReaderUnderTest.Options(ErrorPolicy.FailFast)).ToList();

        records.Should().NotBeEmpty("a fuzz fixture that does not read cleanly tests nothing");
    }

    [Theory]
    [InlineData("jsonl.gz")]
    [InlineData("jsonl.zst")]
    [InlineData("csv")]
    [InlineData("parquet")]
    public void Fixture_holds_the_same_four_chunk_rows_as_the_jsonl_one(string name)
    {
        var jsonl = ReaderUnderTest.All.Single(r => r.Name == "jsonl");
        var reader = ReaderUnderTest.All.Single(r => r.Name == name);
        var expected = jsonl.ReadAll(new MemoryStream(jsonl.Fixture), ReaderOptions.Default).ToList();

        var records = reader.ReadAll(new MemoryStream(reader.Fixture), ReaderOptions.Default).ToList();

        expected.Should().HaveCount(4);
        records.Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Survives_random_damage_under_both_error_policies(string name)
    {
        var reader = ReaderUnderTest.All.Single(r => r.Name == name);

        void Check((Mutation[] Mutations, bool Skip) damage)
        {
            var bytes = damage.Mutations.Aggregate(reader.Fixture, (b, m) => m.ApplyTo(b));
            ReadsOrFailsLocated(reader, bytes, damage.Skip ? ErrorPolicy.SkipAndReport : ErrorPolicy.FailFast);
        }

        static string Print((Mutation[] Mutations, bool Skip) damage) => $"{string.Join(", ", damage.Mutations.Select(m => m.ToString()))} skip={damage.Skip}";

        if (LongRun is { } iterations)
        {
            Damage.Sample(Check, iter: iterations, threads: -1, print: Print);
            return;
        }

        foreach (var seed in FuzzSeeds.Fixed(CiSeed, CiCases))
        {
            Damage.Sample(Check, seed: seed, iter: 1, threads: 1, print: Print);
        }
    }

    [Fact]
    public void Rejects_a_parquet_file_with_a_second_dictionary_page_found_by_the_fuzzer()
    {
        // Regression: CsCheck seed d5K33g9HSAG6; Parquet.Net threw InvalidOperationException("dictionary already read").
        var reader = ReaderUnderTest.All.Single(r => r.Name == "parquet");
        var bytes = new[] { new Mutation(MutationKind.FlipBit, 0.37777777777777777, 947), new Mutation(MutationKind.FlipBit, 0.85, 118) }
            .Aggregate(reader.Fixture, (b, m) => m.ApplyTo(b));

        ReadsOrFailsLocated(reader, bytes, ErrorPolicy.FailFast);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Survives_truncation_at_every_position(string name)
    {
        var reader = ReaderUnderTest.All.Single(r => r.Name == name);
        var step = Math.Max(1, reader.Fixture.Length / 2000);

        for (var cut = 0; cut < reader.Fixture.Length; cut += step)
        {
            ReadsOrFailsLocated(reader, reader.Fixture[..cut], ErrorPolicy.FailFast);
        }
    }

    /// <summary>
    /// A line or row number, or an error about the whole input (its compression, its magic bytes, a Parquet
    /// footer or row group named in the reason), which has no finer position.
    /// </summary>
    private static bool Located(PaperChunksFormatException e) =>
        e.Line > 0
        || (e.Line == 0 && e.Field is not null) // a whole column: a Parquet schema whose type does not match
        || e.Reason.Contains("compressed", StringComparison.Ordinal)
        || e.Reason.StartsWith("byte ", StringComparison.Ordinal) // a byte offset in a compressed file
        || e.Reason.Contains("magic", StringComparison.Ordinal)
        || e.Reason.StartsWith("expected a Parquet file", StringComparison.Ordinal)
        || e.Reason.Contains("row group", StringComparison.Ordinal);

    internal static void ReadsOrFailsLocated(ReaderUnderTest reader, byte[] bytes, ErrorPolicy policy)
    {
        var outcome = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                foreach (var record in reader.ReadAll(new MemoryStream(bytes), ReaderUnderTest.Options(policy)))
                {
                    record.Should().NotBeNull();
                }
            }
            catch (PaperChunksFormatException e)
            {
                e.SourceName.Should().Be("fuzz");
                Located(e).Should().BeTrue($"the error must say where: {e.Message}");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.Should().BeLessThan(256L << 20, "a damaged small file must not make a reader allocate without bound");
        });

        if (!outcome.Wait(TimeSpan.FromSeconds(20)))
        {
            throw new TimeoutException($"{reader.Name}: reading a damaged file did not finish in 20 s");
        }
    }
}
