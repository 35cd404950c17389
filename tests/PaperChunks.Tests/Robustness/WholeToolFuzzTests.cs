using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using PaperChunks.Tests.Cli;
using Xunit;
using Xunit.Abstractions;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// The whole tool, not only its readers: every command (detect, stats, validate, convert, normalize,
/// reassemble) run in-process on damaged files of every format, named as a user would name them, so that
/// detection and the writers are fuzzed too. Allowed: exit 0 or 1 (or 2 where the undamaged file also gives
/// 2, e.g. reassembling summaries). Never: exit 3 or an unhandled exception, a command over 20 s, a damaged
/// file that validates clean with fewer rows than the undamaged one (unless it is a cut at a line end, just after
/// or just before it, of a plain-text format, which is a shorter valid file), or (long mode) a process over 512 MB.
/// CI runs the same <see cref="CiCases"/> seeds every time (<see cref="FuzzSeeds"/>);
/// PAPERCHUNKS_TOOL_FUZZ_ITER=N runs N new random cases per format, goes on past a failing case, and
/// appends progress and every failing seed to PAPERCHUNKS_TOOL_FUZZ_LOG when that names a file.
/// </summary>
public class WholeToolFuzzTests(ITestOutputHelper output)
{
    private const string CiSeed = "0000whole19b";
    private const int CiCases = 12;
    private const long MemoryBar = 512L << 20;
    private const long MemoryRiseLogged = 32L << 20;
    private const int ProgressEvery = 200;

    private static readonly long? LongRun = long.TryParse(Environment.GetEnvironmentVariable("PAPERCHUNKS_TOOL_FUZZ_ITER"), out var n) ? n : null;
    private static readonly string? LongRunLog = Environment.GetEnvironmentVariable("PAPERCHUNKS_TOOL_FUZZ_LOG");

    // File names as a user has them: the extension (or its absence) drives detection.
    private static readonly Dictionary<string, string> FileNames = new(StringComparer.Ordinal)
    {
        ["jsonl"] = "in.jsonl",
        ["jsonl.gz"] = "in.jsonl.gz",
        ["jsonl.zst"] = "in.jsonl.zst",
        ["viewer-lines"] = "in.txt",
        ["viewer-table"] = "in.txt",
        ["viewer-lines.zst"] = "in.txt.zst",
        ["csv"] = "in.csv",
        ["parquet"] = "in.parquet",
        ["parquet-summarization"] = "in.parquet",
        ["shortscience"] = "in.txt",
    };

    private static readonly string[][] Commands =
    [
        ["detect", "{in}"],
        ["stats", "{in}"],
        ["validate", "{in}", "--report", "json"],
        ["convert", "{in}", "-o", "{out}/c.parquet", "--on-error", "skip"],
        ["convert", "{in}", "-o", "{out}/c.jsonl"],
        ["normalize", "{in}", "-o", "{out}/n.jsonl"],
        ["reassemble", "{in}", "-o", "{out}/p.jsonl"],
    ];

    public static TheoryData<string> Formats()
    {
        var data = new TheoryData<string>();
        foreach (var name in FileNames.Keys)
        {
            data.Add(name);
        }

        data.Add("multi");
        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_command_survives_random_damage(string format)
    {
        var baseline = Baseline(format);
        var tally = new Tally();
        var failures = new List<string>();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var seeds = LongRun is { } iterations ? FuzzSeeds.Fresh(iterations) : FuzzSeeds.Fixed(CiSeed, CiCases);
        foreach (var seed in seeds)
        {
            var mutations = FuzzSeeds.Replay(Mutation.Several, seed);
            try
            {
                RunCase(format, baseline, mutations, tally);
            }
            catch (Exception e)
            {
                failures.Add($"{format} seed {seed}: {e.GetType().Name}: {e.Message}");
                Log(failures[^1]);
                if (LongRun is null)
                {
                    break;
                }
            }

            tally.Cases++;
            if (LongRun is not null && PeakRise(format, seed, ref peak) is { } overBar)
            {
                failures.Add(overBar);
                break;
            }

            if (LongRun is not null && tally.Cases % ProgressEvery == 0)
            {
                Log($"{format}: {tally}");
            }
        }

        Log($"{format}: done, {tally}");
        output.WriteLine($"{format}: {tally}");
        failures.Should().BeEmpty("every command must end cleanly or report the damage (replay a seed with FuzzSeeds.Replay)");
    }

    [Theory]
    [InlineData("jsonl", "1rxQFvGZW8U2")] // cut to nothing, then "\n" inserted: an empty file, not a truncation
    [InlineData("csv", "bV3xC45f3q0ynDJe2")] // cut inside the header: validated clean with 0 rows
    [InlineData("csv", "1HMQbAsCyM7pWenS")] // a flipped bit, then cut inside the header
    [InlineData("csv", "1Tb1JYBTesjk5ZY_1")] // cut right after the last row's last separator: a row with an empty title
    [InlineData("viewer-lines", "cHSu4NSyvzrYJ-_U3")] // cut to its header "doi, chunk-if, chunk" (78 bytes): three columns, one damaged, were generic rows (exit 2)
    [InlineData("viewer-lines.zst", "5HQsyPuUqZFY1XJR2")] // one bit flip made "tource" and "tource_labels": generic rows (exit 2)
    [InlineData("viewer-lines.zst", "a0nwYoWfHl0kVcx21")] // two bit flips, the same damage
    [InlineData("csv", "0-aBhwqo8r91KR9Z1")] // a deletion in row 1, then a cut just before row 3's line break: a valid 2-row CSV, not a truncation to report
    [InlineData("csv", "0000001diBm1")] // cut to nothing: convert to Parquet said "generic rows" (exit 2)
    [InlineData("viewer-lines", "0000001diBp2")] // the start deleted: "generic rows" (exit 2)
    [InlineData("viewer-table", "0000001diBp2")]
    [InlineData("viewer-lines", "3bc4N89MBJjZ3S5z2")] // 46 bytes deleted at the start: the header begins "hunk"
    [InlineData("viewer-lines", "8uTHaoxkpQiggIBC")] // 50 bytes deleted at the start: the first name is empty, doi and chunk-id gone; "generic rows" (exit 2)
    [InlineData("viewer-lines", "6WJhTEkoQHlMVaon2")] // 36 bytes duplicated at the start: "intdoi" ends the header after doi; 119 generic rows, 0 problems
    [InlineData("viewer-lines", "0YlZTpp_9yhpILzM2")] // cut inside the header ("id", "string"): validated clean with 0 rows
    [InlineData("viewer-lines", "1r0NTEprbH9qL4a92")] // cut inside the header after chunk's max "2.02k": validated clean with 0 rows
    [InlineData("viewer-lines", "bbD-i9ezvtKAcDJM2")] // 416 bytes duplicated at the start: a header of 30 columns, 2 rows of 4, 0 problems
    [InlineData("viewer-lines", "9sJmO0zEa-zzZIvH1")] // cut to "k", …, "id", "stri": 2 one-cell generic rows, 0 problems
    [InlineData("viewer-lines", "0cdXnSeS1yO8d22y1")] // doi and the name chunk-id deleted, then cut: the header begins "", int64; "generic rows" (exit 2)
    [InlineData("viewer-lines", "3iAQ_i8B3HKttsXJ")] // 30 bytes deleted at the start, then cut: the header begins "id", chunk; "generic rows" (exit 2)
    [InlineData("viewer-lines", "ch6rymln8TA38Pds")] // the name chunk-id deleted: "int64", "0" ends the header after doi; "generic rows" (exit 2)
    [InlineData("viewer-lines", "f0QWH5rVK6jsqjIC1")] // a NUL inserted in chunk's type word ends the header; "generic rows" (exit 2)
    [InlineData("viewer-lines", "49PhlJUr_od_AJ4g1")] // a broken UTF-8 sequence inserted at the start; "generic rows" (exit 2)
    [InlineData("viewer-table", "dswxsYfkzBCR8TeC1")] // deletions leave a header cell of only "⌀": ArgumentOutOfRangeException, exit 3
    [InlineData("viewer-table", "3XRAB1ZnVQo-BjYn2")] // digits inserted into "doi" and "chunk-id": "generic rows" (exit 2)
    [InlineData("viewer-table", "022HHVAthOAuGllu2")] // cut inside the ---| rule: validated clean with 0 rows
    [InlineData("viewer-table", "blqq_sQmdRm_fKjF2")] // the start deleted, then cut: the header begins "hunk"
    [InlineData("shortscience", "0AnlWVGu3JaDIj48")] // a flipped bit joins the first entry's venue and keywords: the entry passed for blurb, 1 entry of 2
    [InlineData("shortscience", "3weEZ3pWT7o5X59n2")] // the first entry's venue cut and its keywords deleted: the same
    [InlineData("jsonl.gz", "3HFJtMlVxvcoMSlv2")] // cut 1.3 % in: validated clean with 0 rows before the trailer check
    [InlineData("jsonl.gz", "65REw2RiU6cG78pt1")]
    [InlineData("parquet", "9F8tLEVGCUSZ4VV32")] // a page header's damaged statistics length: 2,004 MB peak before the column-chunk check
    public void Replays_a_seed_that_once_failed(string format, string seed)
    {
        var baseline = Baseline(format);
        var mutations = FuzzSeeds.Replay(Mutation.Several, seed);
        output.WriteLine($"{format}: {string.Join(", ", mutations.Select(m => m.ToString()))}");
        RunCase(format, baseline, mutations, new Tally());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_undamaged_fixture_passes_every_command_it_applies_to(string format)
    {
        var baseline = Baseline(format);

        // Validate may report the seeds' real rule violations (exit 1); nothing may crash or fail to detect.
        baseline.Exits.Should().NotContain(3);
        baseline.Exits[0].Should().Be(0, "detect applies to every format");
        baseline.Rows.Should().BePositive("a fuzz fixture that reads no rows tests nothing");
    }

    [Theory]
    [InlineData("detect")]
    [InlineData("validate")]
    [InlineData("convert")]
    public async Task A_parquet_file_with_a_damaged_footer_is_a_located_error_for_every_command(string command)
    {
        // Issue 19's example: the sample as Parquet with the byte at length - 9 set to 0xFF crashed detection.
        using var temp = new TempDirectory();
        var parquet = temp.File("in.parquet");
        (await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", parquet)).Exit.Should().Be(0);
        var bytes = await File.ReadAllBytesAsync(parquet);
        bytes[^9] = 0xFF;
        await File.WriteAllBytesAsync(parquet, bytes);
        string[] args = command == "convert" ? [command, parquet, "-o", temp.File("out.jsonl")] : [command, parquet];

        var (exit, stdout, stderr) = await CliRun.RunAsync(args);

        exit.Should().Be(1);
        (stdout + stderr).Should().Contain(parquet).And.Contain("expected a readable Parquet footer with a schema, found: ").And.NotContain("unexpected failure");
    }

    private static (int[] Exits, long Rows) Baseline(string format)
    {
        var fixture = Fixture(format);
        var exits = new int[Commands.Length];
        long rows = 0;
        using var temp = new TempDirectory();
        var inputs = WriteInputs(temp.Path, format, fixture);
        for (var i = 0; i < Commands.Length; i++)
        {
            var (exit, stdout, _) = Run(format, Commands[i], inputs, temp.Path, "undamaged");
            exits[i] = exit;
            if (Commands[i][0] == "validate")
            {
                rows = JsonDocument.Parse(stdout).RootElement.GetProperty("rows").GetInt64();
            }
        }

        return (exits, rows);
    }

    private static void RunCase(string format, (int[] Exits, long Rows) baseline, Mutation[] mutations, Tally tally)
    {
        var fixture = Fixture(format);
        var bytes = mutations.Aggregate(fixture, (b, m) => m.ApplyTo(b));
        using var temp = new TempDirectory();
        var inputs = WriteInputs(temp.Path, format, bytes);
        var label = $"{format} [{string.Join(", ", mutations.Select(m => m.ToString()))}]";
        for (var i = 0; i < Commands.Length; i++)
        {
            if (baseline.Exits[i] == 2)
            {
                continue;
            }

            var output = Path.Combine(temp.Path, "out" + i);
            Directory.CreateDirectory(output);
            var (exit, stdout, stderr) = Run(format, Commands[i], inputs, output, label);
            exit.Should().BeOneOf([0, 1], $"{string.Join(' ', Commands[i])} on {label} must end cleanly or report the damage; stderr: {stderr}");
            tally.Exits[exit]++;
            if (Commands[i][0] == "validate" && exit == 0)
            {
                var rows = JsonDocument.Parse(stdout).RootElement.GetProperty("rows").GetInt64();
                if (rows < baseline.Rows && !IsCutAtLineEnd(format, fixture, bytes) && !HoldsNoData(format, bytes))
                {
                    throw new InvalidOperationException($"silent truncation: {label} validates clean with {rows} rows, the undamaged file has {baseline.Rows}");
                }
            }
        }
    }

    /// <summary>
    /// Checked after every case, so that the case which raised the process's peak is known by its seed: a rise of
    /// 32 MB or more is logged, and a peak over the bar is a failure naming the seed.
    /// </summary>
    private static string? PeakRise(string format, string seed, ref long peak)
    {
        var now = Process.GetCurrentProcess().PeakWorkingSet64;
        if (now - peak >= MemoryRiseLogged)
        {
            Log($"{format} seed {seed}: peak working set rose from {peak >> 20} to {now >> 20} MB");
        }

        peak = now;
        return now >= MemoryBar ? $"{format} seed {seed}: peak working set {now >> 20} MB, over 512 MB" : null;
    }

    private static void Log(string line)
    {
        if (LongRunLog is not null)
        {
            File.AppendAllText(LongRunLog, $"{DateTime.UtcNow:HH:mm:ss} {line}{Environment.NewLine}");
        }
    }

    private static (int Exit, string Out, string Error) Run(string format, string[] command, string[] inputs, string output, string label)
    {
        var args = command.SelectMany(a => a == "{in}" ? inputs : [a.Replace("{out}", output, StringComparison.Ordinal)]).ToArray();
        var run = Task.Run(() => CliRun.RunAsync(args));
        if (!run.Wait(TimeSpan.FromSeconds(20)))
        {
            throw new TimeoutException($"{string.Join(' ', command)} on {label} ({format}) did not finish in 20 s");
        }

        return run.Result;
    }

    // A plain-text file cut at a line end is a shorter valid file: nothing can tell it apart, whatever damage came
    // before the cut. Just after the line end, or just before it: a last row complete but for its line break is
    // valid CSV (RFC 4180) and JSON Lines (seed 0-aBhwqo8r91KR9Z1: a deletion in row 1, then a cut before row 3's
    // line break). The file's last bytes are found in the fixture to see where it was cut.
    private static bool IsCutAtLineEnd(string format, byte[] fixture, byte[] bytes)
    {
        if (format is not ("jsonl" or "csv" or "viewer-lines" or "viewer-table" or "shortscience" or "multi") || bytes.Length >= fixture.Length)
        {
            return false;
        }

        if (bytes.Length == 0 || fixture.AsSpan(0, bytes.Length).SequenceEqual(bytes))
        {
            return bytes.Length == 0 || bytes[^1] == (byte)'\n' || fixture[bytes.Length] is (byte)'\n' or (byte)'\r';
        }

        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 64));
        var at = fixture.AsSpan().IndexOf(tail);
        var end = at + tail.Length;
        return at >= 0 && end < fixture.Length && (fixture[end - 1] == (byte)'\n' || fixture[end] is (byte)'\n' or (byte)'\r');
    }

    // Damage that leaves only blank lines (seed 1rxQFvGZW8U2: cut to nothing, then a line break inserted) makes an
    // empty file, as valid as a 0-byte one: there is no row left whose loss could be reported.
    private static bool HoldsNoData(string format, byte[] bytes) =>
        format is "jsonl" or "csv" or "viewer-lines" or "viewer-table" or "shortscience" or "multi"
        && bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static byte[] Fixture(string format) =>
        ReaderUnderTest.All.Single(r => r.Name == (format == "multi" ? "jsonl" : format)).Fixture;

    // "multi" is an undamaged JSONL file followed by a damaged one, given as two inputs.
    private static string[] WriteInputs(string folder, string format, byte[] bytes)
    {
        if (format == "multi")
        {
            var first = Path.Combine(folder, "a.jsonl");
            var second = Path.Combine(folder, "b.jsonl");
            File.WriteAllBytes(first, Fixture("jsonl"));
            File.WriteAllBytes(second, bytes);
            return [first, second];
        }

        var path = Path.Combine(folder, FileNames[format]);
        File.WriteAllBytes(path, bytes);
        return [path];
    }

    /// <summary>Outcomes of one format's run: commands that exit 0 and exit 1.</summary>
    private sealed class Tally
    {
        public long Cases { get; set; }

        public long[] Exits { get; } = new long[2];

        public override string ToString() =>
            $"{Cases} cases, {Exits[0]} commands exit 0, {Exits[1]} exit 1; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB";
    }
}
