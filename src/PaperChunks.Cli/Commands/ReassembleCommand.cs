using System.CommandLine;
using System.Globalization;
using PaperChunks.Cli.Reports;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Reassembly;
using PaperChunks.Records;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks reassemble FILE... -o papers.jsonl</c>: rebuild each paper's full text from its chunk
/// rows and report gaps, repeated chunk ids and metadata disagreements. The pipeline is
/// <see cref="FileReassembler"/>; this command parses and prints.
/// </summary>
internal static class ReassembleCommand
{
    private const int Shown = 10;

    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        var report = CommonOptions.Report();
        var onError = CommonOptions.OnError();
        var shard = CommonOptions.Shard();
        var split = CommonOptions.Split();
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
        var minOverlap = CommonOptions.Count(
            "--min-overlap",
            "Shortest repeated passage merged at a joint, in characters (whitespace collapsed). Default 8.",
            minimum: 1,
            byDefault: ReassemblyOptions.Default.MinOverlapChars);
        var memoryLimit = SizeText.Option(
            "--memory-limit",
            "Memory the sort of unsorted input may hold before spilling to temporary files, e.g. 256MB (default), 1GB.",
            minimum: 1 << 20,
            byDefault: ReassemblyOptions.Default.MemoryLimitBytes);
        var tempDir = new Option<string?>("--temp-dir")
        {
            Description = "Folder for the sort's temporary files (default: the system temp folder). Removed afterwards.",
        };
        var grouped = new Option<bool>("--grouped")
        {
            Description = "The input already has each paper's rows together: one pass, no sort, one paper in memory.",
        };
        var threads = CommonOptions.Count(
            "--threads",
            "Threads that read and sort unsorted input at once: plain .jsonl files of 64 MB or more are read in parts, several files side by side. Default: the number of processors (one with --normalize).",
            minimum: 1,
            byDefault: Environment.ProcessorCount);
        var normalize = new Option<bool>("--normalize")
        {
            Description = "Repair PDF-extraction damage in each chunk (and title, summary) before joining, as `normalize` does; reads the input twice.",
        };
        var fields = new Option<string[]>("--field")
        {
            Description = "With --normalize: a chunk field to normalize, by its on-disk name; repeat for several. Default: chunk, title, summary.",
        };
        var from = CommonOptions.From();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output (otherwise it is an error and stays untouched)." };
        var command = new Command("reassemble", "Rebuild whole papers from their chunks (any order), each overlap once, and report gaps, duplicates and conflicts.")
        {
            inputs, output, from, overwrite, stripHeaders, gapMarkers, onDuplicate, minOverlap, memoryLimit, tempDir, grouped, threads, normalize, fields, report, onError, shard, split,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = CommonOptions.OutputOf(parse.GetValue(output)!, parse.GetValue(shard));
            var to = StandardOutputTarget.FormatOf(path);
            var usage = (to ?? PaperChunksWriter.FormatOf(path)) is not (OutputFormat.Jsonl or OutputFormat.Parquet)
                ? $"--output {path}: expected a .jsonl file (optionally .gz or .zst) or a .parquet file"
                : (parse.GetValue(fields) ?? []).Length > 0 && !parse.GetValue(normalize) ? "--field only applies with --normalize"
                : null;
            if (usage is not null)
            {
                throw new UsageException(usage);
            }

            NormalizedFields.Check(parse.GetValue(fields) ?? [], RecordKind.Chunk, "chunk");

            var options = new ReassembleOptions
            {
                Reassembly = new ReassemblyOptions
                {
                    StripRunningHeaders = parse.GetValue(stripHeaders),
                    InsertGapMarkers = parse.GetValue(gapMarkers),
                    DuplicatePolicy = parse.GetValue(onDuplicate) == "fail" ? DuplicatePolicy.Fail : DuplicatePolicy.KeepFirst,
                    MinOverlapChars = parse.GetValue(minOverlap)!.Value,
                    MemoryLimitBytes = parse.GetValue(memoryLimit)!.Value,
                    TempDirectory = parse.GetValue(tempDir),
                    InputGroupedByDoi = parse.GetValue(grouped),
                    ReadThreads = parse.GetValue(threads)!.Value,
                },
                To = to,
                From = CommonOptions.FormatOf(parse.GetValue(from)),
                Reader = new ReaderOptions
                {
                    ErrorPolicy = CommonOptions.PolicyOf(parse.GetValue(onError)!),
                    Shard = parse.GetValue(shard),
                    Split = CommonOptions.SplitFor(parse.GetValue(split), parse.GetValue(inputs)!),
                },
                Writer = new WriterOptions { Overwrite = parse.GetValue(overwrite) },
                Normalize = parse.GetValue(normalize) ? NormalizeOptions.Default with { Fields = parse.GetValue(fields) ?? [] } : null,
            };
            ReassembleReport result;
            try
            {
                result = await FileReassembler.ReassembleAsync(parse.GetValue(inputs)!, path, options, null, ct).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw UsageException.From(e);
            }

            await WriteAsync(console, result, parse.GetValue(report)!).ConfigureAwait(false);

            // Gaps and identical repeats are normal in excerpts; conflicts and disagreements are data errors.
            return result.ErrorCount > 0 || result.Reassembly.Conflicts.Count > 0 || result.Reassembly.Disagreements.Count > 0
                || result.Reassembly.LinkDisagreements.Count > 0
                ? ExitCodes.DataErrors
                : ExitCodes.Clean;
        });
        return command;
    }


    private static async Task WriteAsync(CliConsole console, ReassembleReport result, string report)
    {
        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new ReassembleJson(
                result.Inputs, result.Output, result.RunsSpilled, result.Reassembly,
                result.Normalization is { } n ? NormalizationOutput.Json(n, result.CorpusWords) : null,
                result.ErrorCount, [.. result.Errors.Select(ErrorJson.Of)])).ConfigureAwait(false);
            return;
        }

        await WriteTextAsync(console.Out, result.Reassembly, result.Output).ConfigureAwait(false);
        await NormalizationOutput.WriteTextAsync(console.Out, result.Normalization).ConfigureAwait(false);
        foreach (var error in result.Errors)
        {
            await console.Error.WriteLineAsync(ErrorText.Row(console.ErrorFormat, error)).ConfigureAwait(false);
        }
    }

    private static async Task WriteTextAsync(TextWriter o, ReassemblyReport r, string output)
    {
        var c = CultureInfo.InvariantCulture;
        await o.WriteLineAsync(string.Create(c, $"papers              {r.Papers:N0} from {r.Chunks:N0} rows -> {output}")).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"papers with gaps    {r.Gaps.Count:N0}")).ConfigureAwait(false);
        foreach (var gap in r.Gaps.Take(Shown))
        {
            await o.WriteLineAsync($"  {MessageText.Excerpt(gap.Doi)}: {string.Join(", ", gap.MissingChunkIds)}").ConfigureAwait(false);
        }

        await WriteMoreAsync(o, r.Gaps.Count).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"repeated chunk ids  {r.Duplicates.Count:N0} ({r.Conflicts.Count:N0} with different text)")).ConfigureAwait(false);
        foreach (var d in r.Duplicates.Take(Shown))
        {
            await o.WriteLineAsync(string.Create(c, $"  {MessageText.Excerpt(d.Doi)}#{d.ChunkId}: {d.IdenticalCopies} identical, {d.ConflictingCopies} different")).ConfigureAwait(false);
        }

        await WriteMoreAsync(o, r.Duplicates.Count).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"metadata conflicts  {r.Disagreements.Count:N0}")).ConfigureAwait(false);
        foreach (var d in r.Disagreements.Take(Shown))
        {
            await o.WriteLineAsync($"  {MessageText.Excerpt(d.Doi)} {d.Field}: chunks {string.Join(", ", d.ChunkIds)}").ConfigureAwait(false);
        }

        await WriteMoreAsync(o, r.Disagreements.Count).ConfigureAwait(false);
        if (r.LinkDisagreements.Count > 0)
        {
            // Only semantic-chunks inputs have links; other reports keep their lines.
            await o.WriteLineAsync(string.Create(c, $"chunk link conflicts {r.LinkDisagreements.Count:N0}")).ConfigureAwait(false);
            foreach (var d in r.LinkDisagreements.Take(Shown))
            {
                await o.WriteLineAsync(string.Create(c, $"  {MessageText.Excerpt(d.Doi)}#{d.ChunkId} {d.Field}: \"{MessageText.Excerpt(d.Link)}\", in id order \"{MessageText.Excerpt(d.Expected)}\"")).ConfigureAwait(false);
            }

            await WriteMoreAsync(o, r.LinkDisagreements.Count).ConfigureAwait(false);
        }

        await WriteRegimesAsync(o, r).ConfigureAwait(false);
    }

    /// <summary>The splitter regimes the papers show, each paper's label, and how sure the joints are.</summary>
    private static async Task WriteRegimesAsync(TextWriter o, ReassemblyReport r)
    {
        var c = CultureInfo.InvariantCulture;
        var kinds = string.Join(", ", r.RegimeCounts.Select(k => string.Create(c, $"{KindName(k.Key)} {k.Value:N0}")));
        await o.WriteLineAsync($"splitter regimes    {kinds}").ConfigureAwait(false);
        foreach (var paper in r.Regimes.Take(Shown))
        {
            await o.WriteLineAsync($"  {paper.Doi}: {paper.Regime.Label}").ConfigureAwait(false);
        }

        await WriteMoreAsync(o, r.Regimes.Count).ConfigureAwait(false);
        var certainties = r.JointCertainties;
        var counts = string.Join(", ", certainties.Select(k => string.Create(c, $"{k.Value:N0} {k.Key.ToString().ToLowerInvariant()}")));
        await o.WriteLineAsync(string.Create(c, $"joints              {certainties.Values.Sum():N0}{(counts.Length > 0 ? ": " : "")}{counts}")).ConfigureAwait(false);
    }

    private static string KindName(SplitterRegimeKind kind) => kind switch
    {
        SplitterRegimeKind.FixedWindow => "fixed-window",
        SplitterRegimeKind.TokenWindow => "token-window",
        SplitterRegimeKind.NoOverlap => "no-overlap",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static async Task WriteMoreAsync(TextWriter o, int count)
    {
        if (count > Shown)
        {
            await o.WriteLineAsync($"  (and {count - Shown} more in --report json)").ConfigureAwait(false);
        }
    }
}
