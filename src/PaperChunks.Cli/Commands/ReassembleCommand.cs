using System.CommandLine;
using System.Globalization;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using PaperChunks.Text;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks reassemble FILE... -o papers.jsonl</c>: rebuild each paper's full text from its chunk
/// rows and report gaps, repeated chunk ids and metadata disagreements.
/// </summary>
internal static class ReassembleCommand
{
    private const int Shown = 10;

    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var report = CommonOptions.Report();
        var onError = CommonOptions.OnError();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where the papers go: papers.jsonl (.gz/.zst compress) or papers.parquet. Replaced only when the run succeeds.",
            Required = true,
        };
        var stripHeaders = new Option<bool>("--strip-running-headers")
        {
            Description = "Remove lines repeated on many pages (running headers) and lone page-number lines.",
        };
        var gapMarkers = new Option<bool>("--gap-markers")
        {
            Description = "Write a visible [missing chunks a–b] marker where chunks are missing.",
        };
        var onDuplicate = new Option<string>("--on-duplicate")
        {
            Description = "A repeated chunk id with different text: keep-first (default, reported) or fail.",
            DefaultValueFactory = _ => "keep-first",
        };
        onDuplicate.AcceptOnlyFromAmong("keep-first", "fail");
        var minOverlap = new Option<int>("--min-overlap")
        {
            Description = "Shortest repeated passage merged at a joint, in characters (whitespace collapsed). Default 8.",
            DefaultValueFactory = _ => ReassemblyOptions.Default.MinOverlapChars,
        };
        var memoryLimit = new Option<string>("--memory-limit")
        {
            Description = "Memory the sort of unsorted input may hold before spilling to temporary files, e.g. 256MB (default), 1GB.",
            DefaultValueFactory = _ => "256MB",
        };
        var tempDir = new Option<string?>("--temp-dir")
        {
            Description = "Folder for the sort's temporary files (default: the system temp folder). Removed afterwards.",
        };
        var grouped = new Option<bool>("--grouped")
        {
            Description = "The input already has each paper's rows together: one pass, no sort, one paper in memory.",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads that read and sort unsorted input at once: plain .jsonl files of 64 MB or more are read in parts, several files side by side. Default: the number of processors (one with --normalize).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var normalize = new Option<bool>("--normalize")
        {
            Description = "Repair PDF-extraction damage in each chunk (and title, summary) before joining, as `normalize` does; reads the input twice.",
        };
        var fields = new Option<string[]>("--field")
        {
            Description = "With --normalize: a chunk field to normalize, by its on-disk name; repeat for several. Default: chunk, title, summary.",
        };
        var command = new Command("reassemble", "Rebuild whole papers from their chunks (any order), each overlap once, and report gaps, duplicates and conflicts.")
        {
            inputs, output, stripHeaders, gapMarkers, onDuplicate, minOverlap, memoryLimit, tempDir, grouped, threads, normalize, fields, report, onError,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            var limit = ParseSize(parse.GetValue(memoryLimit)!);
            var usage = !IsJsonl(path) && !IsParquet(path) ? $"--output {path}: expected a .jsonl file (optionally .gz or .zst) or a .parquet file"
                : limit is not >= 1024 * 1024 ? $"--memory-limit {parse.GetValue(memoryLimit)}: expected a size of at least 1MB, such as 256MB or 1GB"
                : parse.GetValue(minOverlap) < 1 ? "--min-overlap: expected at least 1"
                : parse.GetValue(threads) < 1 ? "--threads: expected at least 1"
                : (parse.GetValue(fields) ?? []).Length > 0 && !parse.GetValue(normalize) ? "--field only applies with --normalize"
                : null;
            if (usage is not null)
            {
                await console.Error.WriteLineAsync($"paperchunks: {usage}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = new ReassemblyOptions
            {
                StripRunningHeaders = parse.GetValue(stripHeaders),
                InsertGapMarkers = parse.GetValue(gapMarkers),
                DuplicatePolicy = parse.GetValue(onDuplicate) == "fail" ? DuplicatePolicy.Fail : DuplicatePolicy.KeepFirst,
                MinOverlapChars = parse.GetValue(minOverlap),
                MemoryLimitBytes = limit.GetValueOrDefault(),
                TempDirectory = parse.GetValue(tempDir),
                InputGroupedByDoi = parse.GetValue(grouped),
                // The normalization report is tallied on one thread.
                ReadThreads = parse.GetValue(normalize) ? 1 : parse.GetValue(threads),
            };
            var files = parse.GetValue(inputs)!;
            var policy = CommonOptions.PolicyOf(parse.GetValue(onError)!);
            var normalizer = parse.GetValue(normalize)
                ? await RecordNormalizer.ForCorpusAsync(files, null, parse.GetValue(fields), new ReaderOptions { ErrorPolicy = policy }, null, ct).ConfigureAwait(false)
                : null;
            var run = new Run(console, files, path, policy, normalizer);
            return await run.ExecuteAsync(options, parse.GetValue(report)!, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Parses <c>256MB</c>, <c>1GB</c>, <c>512K</c> or a plain byte count (binary multiples).</summary>
    internal static long? ParseSize(string text)
    {
        var s = text.Trim().ToUpperInvariant();
        var (digits, multiplier) = s.EndsWith("GB", StringComparison.Ordinal) || s.EndsWith('G') ? (s.TrimEnd('B').TrimEnd('G'), 1L << 30)
            : s.EndsWith("MB", StringComparison.Ordinal) || s.EndsWith('M') ? (s.TrimEnd('B').TrimEnd('M'), 1L << 20)
            : s.EndsWith("KB", StringComparison.Ordinal) || s.EndsWith('K') ? (s.TrimEnd('B').TrimEnd('K'), 1L << 10)
            : (s.TrimEnd('B'), 1L);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= long.MaxValue / multiplier
            ? n * multiplier
            : null;
    }

    private static bool IsJsonl(string path)
    {
        if (path == "/dev/stdout")
        {
            // `-o -`: papers as JSON Lines on stdout.
            return true;
        }

        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3]
            : path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase) ? path[..^4]
            : path;
        return name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
    }

    // Normalizing each chunk row before the join, rather than the joined text, keeps the spans exact and
    // names the repaired row (doi#chunk-id) in the report; copies that differed only by extraction damage
    // then count as identical repeats.
    private static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    private sealed class Run(CliConsole console, string[] inputs, string output, ErrorPolicy policy, RecordNormalizer? normalizer)
    {
        private readonly List<PaperChunksFormatException> _errors = [];
        private readonly NormalizationReport? _normalization = normalizer is null ? null : new NormalizationReport();
        private long _errorCount;

        public async Task<int> ExecuteAsync(ReassemblyOptions options, string report, CancellationToken ct)
        {
            var reassembler = new PaperReassembler(options);
            var readers = inputs.SelectMany(input => PaperChunksReader.OpenChunkParts(input, options.ReadThreads, new ReaderOptions { ErrorPolicy = policy })).ToList();
            try
            {
                await using RecordWriter<PaperRecord> writer = IsParquet(output) ? new ParquetPaperWriter(output) : new JsonlPaperWriter(output);

                // Synchronous on purpose: the reassembly is CPU-bound, and the async read path's thread
                // hops cost more CPU than they free (docs/performance.md, Reassembly).
                foreach (var paper in reassembler.Reassemble(readers.Select(r => Rows(r, ct)).ToList()))
                {
                    ct.ThrowIfCancellationRequested();
                    writer.Write(paper);
                }

                writer.Complete();
                foreach (var reader in readers)
                {
                    _errors.AddRange(reader.Errors);
                    _errorCount += reader.ErrorCount;
                }
            }
            finally
            {
                readers.ForEach(r => r.Dispose());
            }

            var result = reassembler.Report;
            if (report == "json")
            {
                await JsonReport.WriteAsync(console.Out, new
                {
                    files = inputs,
                    output,
                    runs_spilled = reassembler.RunsSpilled,
                    reassembly = result,
                    normalization = _normalization is { } n ? NormalizationOutput.Json(n, normalizer?.Normalizer.Vocabulary?.WordCount) : null,
                    error_count = _errorCount,
                    errors = _errors.Select(JsonReport.Error),
                }).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(result).ConfigureAwait(false);
                await NormalizationOutput.WriteTextAsync(console.Out, _normalization).ConfigureAwait(false);
                foreach (var error in _errors)
                {
                    await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
                }
            }

            // Gaps and identical repeats are normal in excerpts; conflicts and disagreements are data errors.
            return _errorCount > 0 || result.Conflicts.Count > 0 || result.Disagreements.Count > 0
                ? ExitCodes.DataErrors
                : ExitCodes.Clean;
        }

        private IEnumerable<ChunkRecord> Rows(RecordReader<ChunkRecord> reader, CancellationToken ct)
        {
            foreach (var record in reader.ReadAll())
            {
                ct.ThrowIfCancellationRequested();
                yield return normalizer is null ? record : normalizer.Normalize(record, _normalization);
            }
        }

        private async Task WriteTextAsync(ReassemblyReport r)
        {
            var c = CultureInfo.InvariantCulture;
            var o = console.Out;
            await o.WriteLineAsync(string.Create(c, $"papers              {r.Papers:N0} from {r.Chunks:N0} rows -> {output}")).ConfigureAwait(false);
            await o.WriteLineAsync(string.Create(c, $"papers with gaps    {r.Gaps.Count:N0}")).ConfigureAwait(false);
            foreach (var gap in r.Gaps.Take(Shown))
            {
                await o.WriteLineAsync($"  {gap.Doi}: {string.Join(", ", gap.MissingChunkIds)}").ConfigureAwait(false);
            }

            await WriteMoreAsync(r.Gaps.Count).ConfigureAwait(false);
            await o.WriteLineAsync(string.Create(c, $"repeated chunk ids  {r.Duplicates.Count:N0} ({r.Conflicts.Count:N0} with different text)")).ConfigureAwait(false);
            foreach (var d in r.Duplicates.Take(Shown))
            {
                await o.WriteLineAsync(string.Create(c, $"  {d.Doi}#{d.ChunkId}: {d.IdenticalCopies} identical, {d.ConflictingCopies} different")).ConfigureAwait(false);
            }

            await WriteMoreAsync(r.Duplicates.Count).ConfigureAwait(false);
            await o.WriteLineAsync(string.Create(c, $"metadata conflicts  {r.Disagreements.Count:N0}")).ConfigureAwait(false);
            foreach (var d in r.Disagreements.Take(Shown))
            {
                await o.WriteLineAsync($"  {d.Doi} {d.Field}: chunks {string.Join(", ", d.ChunkIds)}").ConfigureAwait(false);
            }

            await WriteMoreAsync(r.Disagreements.Count).ConfigureAwait(false);
        }

        private async Task WriteMoreAsync(int count)
        {
            if (count > Shown)
            {
                await console.Out.WriteLineAsync($"  (and {count - Shown} more in --report json)").ConfigureAwait(false);
            }
        }
    }
}
