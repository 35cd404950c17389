using System.CommandLine;
using System.Globalization;
using PaperChunks.Cli.Reports;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Parquet;
using Spectre.Console;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks convert IN... -o OUT</c>: any readable input to JSONL, CSV or Parquet, streaming, through a
/// temporary file that replaces the output only when complete. One input keeps its record kind (chunks,
/// SciTLDR rows, paper summaries) in JSON Lines, CSV or Parquet; several inputs take chunk rows.
/// <c>--normalize</c> repairs text on the way (a first pass learns the corpus' words).
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = CommonOptions.Inputs();
        inputs.Description = "Input files or globs (JSONL plain/.gz/.zst, CSV, Parquet), converted in order into one output.";
        var output = new Option<string>("--output", "-o") { Description = "Output file, or folder for sharded or partitioned Parquet.", Required = true };
        var to = new Option<string?>("--to") { Description = "Output format: jsonl, csv or parquet (default: from the output's extension)." };
        to.AcceptOnlyFromAmong("jsonl", "csv", "parquet");
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output (otherwise it is an error and stays untouched)." };
        var compression = new Option<string>("--compression")
        {
            Description = "Parquet codec: snappy (default), zstd, gzip or none.",
            DefaultValueFactory = _ => "snappy",
        };
        compression.AcceptOnlyFromAmong("snappy", "zstd", "gzip", "none");
        // The library's minimums (1KB for byte sizes, 1 for counts) are checked here too, to name the option.
        var rowGroupSize = SizeText.Option("--row-group-size", "Parquet row-group size, uncompressed, e.g. 64MB (default 12MB).", minimum: 1024);
        var rowGroupRows = CommonOptions.Count("--row-group-rows", "Parquet row-group size in rows (in addition to the byte size).", minimum: 1);
        var shardRows = CommonOptions.Count("--shard-rows", "Write a folder of Parquet shards of this many rows (train-00000-of-00004.parquet).", minimum: 1L);
        var shardSize = SizeText.Option("--shard-size", "Write a folder of Parquet shards of about this size uncompressed, e.g. 500MB.", minimum: 1024);
        var partitionBy = new Option<string?>("--partition-by") { Description = "Hive-partition the Parquet folder by a column, e.g. primary_category." };
        var buckets = CommonOptions.Count("--buckets", "Split the Parquet folder into N buckets by paper (bucket=K/…, K from the doi's hash, docs/scale-out.md): each paper's rows in one bucket.", minimum: 1);
        var datasetCard = new Option<bool>("--dataset-card")
        {
            Description = "Write a Hugging Face dataset folder: the Parquet shards and a README.md whose YAML header (configs, dataset_info) the Hub and datasets read.",
        };
        var from = CommonOptions.From();
        var schema = new Option<string>("--schema")
        {
            Description = "Chunk rows' column types: source (default; each column as the input stores it, so a round trip gives it back) or canonical (chunk-id int64, authors/categories lists, references a list of {id}; the chunked column names).",
            DefaultValueFactory = _ => "source",
        };
        schema.AcceptOnlyFromAmong("source", "canonical");
        var scanColumns = new Option<bool>("--scan-columns")
        {
            Description = "CSV and Parquet: read the inputs once first to learn every extra column (by default the first row fixes them, and a later row with another one is refused).",
        };
        var escapeFormulas = new Option<bool>("--escape-formulas") { Description = "CSV: prefix ' to cells starting with = + - @ so spreadsheets do not run them." };
        var normalize = new Option<bool>("--normalize")
        {
            Description = "Repair PDF-extraction damage in text fields while converting (reads the input twice: first to learn its words), as `normalize` does.",
        };
        var fields = new Option<string[]>("--field")
        {
            Description = "With --normalize: a string field to normalize, by its on-disk name; repeat for several. Default: each record kind's (chunk, title, summary for chunks).",
        };
        var onError = CommonOptions.OnError();
        var shard = CommonOptions.Shard();
        var split = CommonOptions.Split();
        var quiet = CommonOptions.Quiet();
        var report = CommonOptions.Report();
        var command = new Command("convert", "Convert chunk, SciTLDR and ShortScience rows between JSONL, CSV and Parquet, streaming, optionally normalizing text; the output appears only when complete.")
        {
            inputs, output, to, from, schema, overwrite, compression, rowGroupSize, rowGroupRows, shardRows, shardSize, partitionBy, buckets, datasetCard,
            scanColumns, escapeFormulas, normalize, fields, onError, shard, split, quiet, report,
        };
        command.SetAction(async (parse, ct) =>
        {
            ConvertOptions options;
            string[] files;
            try
            {
                var named = parse.GetValue(fields) ?? [];
                if (named.Length > 0 && !parse.GetValue(normalize))
                {
                    throw new UsageException("--field only applies with --normalize");
                }

                if (parse.GetValue(buckets) is not null && parse.GetValue(partitionBy) is not null)
                {
                    throw new UsageException("--buckets and --partition-by are two ways to split a folder; choose one");
                }

                var parquet = new ParquetWriterOptions
                {
                    Compression = Enum.Parse<ParquetCompression>(parse.GetValue(compression)!, ignoreCase: true),
                    RowGroupBytes = parse.GetValue(rowGroupSize),
                    RowGroupRows = parse.GetValue(rowGroupRows),
                    ShardRows = parse.GetValue(shardRows),
                    ShardBytes = parse.GetValue(shardSize),
                    PartitionBy = parse.GetValue(partitionBy),
                    Buckets = parse.GetValue(buckets),
                    DatasetCard = parse.GetValue(datasetCard),
                };
                files = InputGlob.Expand(parse.GetValue(inputs)!);
                var asked = parse.GetValue(to) is { } format ? Enum.Parse<OutputFormat>(format, ignoreCase: true) : StandardOutputTarget.FormatOf(parse.GetValue(output)!);
                if (OutputOptionRules.FormatOf(parse.GetValue(output)!, asked, parquet.WritesFolder) is { } writes)
                {
                    OutputOptionRules.RefuseInapplicable(
                        parse, writes, [compression, rowGroupSize, rowGroupRows, shardRows, shardSize, partitionBy, buckets, datasetCard], [escapeFormulas]);
                    if (writes == OutputFormat.Jsonl && parse.GetValue(scanColumns))
                    {
                        throw new UsageException("--scan-columns applies to CSV and Parquet output only; this output is JSON Lines, which keeps every row's columns");
                    }
                }

                if (named.Length > 0)
                {
                    // Several inputs are read as chunk rows.
                    var kind = files.Length == 1 ? PaperChunksReader.Detect(files[0], null, CommonOptions.FormatOf(parse.GetValue(from))) : null;
                    NormalizedFields.Check(named, kind?.Kind ?? RecordKind.Chunk, kind?.KindName ?? "chunk");
                }

                options = new ConvertOptions
                {
                    To = asked,
                    From = CommonOptions.FormatOf(parse.GetValue(from)),
                    Reader = new ReaderOptions
                    {
                        ErrorPolicy = CommonOptions.PolicyOf(parse.GetValue(onError)!),
                        Shard = parse.GetValue(shard),
                        Split = CommonOptions.SplitFor(parse.GetValue(split), files),
                    },
                    Writer = new WriterOptions
                    {
                        Overwrite = parse.GetValue(overwrite),
                        Parquet = parquet,
                        Csv = new CsvWriterOptions { EscapeFormulas = parse.GetValue(escapeFormulas) },
                    },
                    Normalize = parse.GetValue(normalize) ? NormalizeOptions.Default with { Fields = named } : null,
                    Schema = Enum.Parse<OutputSchema>(parse.GetValue(schema)!, ignoreCase: true),
                    ScanExtraColumns = parse.GetValue(scanColumns),
                };
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }

            return await RunAsync(console, files, CommonOptions.OutputOf(parse.GetValue(output)!, parse.GetValue(shard)), options, parse.GetValue(quiet), parse.GetValue(report)!, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string[] inputs, string output, ConvertOptions options, bool quiet, string report, CancellationToken ct)
    {
        if (options.To is null && PaperChunksWriter.FormatOf(output) is null
            && !options.Writer.Parquet.WritesFolder)
        {
            throw new UsageException($"cannot tell the output format from \"{output}\"; name it .jsonl, .csv or .parquet, or pass --to");
        }

        ConvertReport result;
        try
        {
            result = console.ErrorIsTerminal && !quiet
                ? await WithProgressAsync(console, inputs, output, options, ct).ConfigureAwait(false)
                : await PaperChunksConverter.ConvertAsync(inputs, output, options, null, ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw UsageException.From(e);
        }

        if (report == "json")
        {
            await WriteJsonAsync(console.Out, result).ConfigureAwait(false);
        }
        else
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync(ErrorText.Row(console.ErrorFormat, error)).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync(Summary(result)).ConfigureAwait(false);
            await NormalizationOutput.WriteTextAsync(console.Out, result.Normalization).ConfigureAwait(false);
        }

        return result.ErrorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    // One input written as JSON Lines, or of a kind other than chunk rows, is reported with what it was found to be;
    // chunk rows into CSV or Parquet with papers and sizes.
    private static DetectedFormat? OneInput(ConvertReport r) =>
        r.Input is { } input && (r.Kind != RecordKind.Chunk || r.Format == OutputFormat.Jsonl) ? input : null;

    private static async Task WriteJsonAsync(TextWriter output, ConvertReport r)
    {
        var errors = r.Errors.Select(ErrorJson.Of).ToList();
        var normalization = r.Normalization is { } n ? NormalizationOutput.Json(n, r.CorpusWords) : null;
        if (OneInput(r) is { } input)
        {
            await JsonReport.WriteAsync(output, new ConvertInputJson(r.Inputs[0], input.Name, input.KindName, r.Output, r.Rows, r.ErrorCount, errors, normalization)).ConfigureAwait(false);
            return;
        }

        await JsonReport.WriteAsync(output, new ConvertJson(
            r.Output, r.Format.ToString().ToLowerInvariant(), r.Rows, r.Papers, r.BytesRead, r.BytesWritten,
            Math.Round(r.Elapsed.TotalSeconds, 3), r.ErrorCount, errors, normalization)).ConfigureAwait(false);
    }

    private static string Summary(ConvertReport r) => OneInput(r) is { } input
        ? $"{r.Inputs[0]} ({input.Name}, {input.KindName} rows) -> {r.Output}: {r.Rows} rows, {r.ErrorCount} skipped"
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Rows:N0} rows, {r.Papers:N0} papers, {r.BytesRead:N0} bytes read, {r.BytesWritten:N0} bytes written, {r.Elapsed.TotalSeconds:F1} s -> {r.Output}: {r.Rows} rows, {r.ErrorCount} skipped");

    private static async Task<ConvertReport> WithProgressAsync(
        CliConsole console, string[] inputs, string output, ConvertOptions options, CancellationToken ct)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
        ConvertReport? result = null;
        await ansi.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("converting", maxValue: 1);
                var started = System.Diagnostics.Stopwatch.StartNew();
                var line = new ProgressLine();
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(p.BytesTotal, 1);
                    task.Value = p.BytesRead;
                    task.Description = line.Describe(p, started.Elapsed);
                });
                result = await PaperChunksConverter.ConvertAsync(inputs, output, options, progress, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Reports on the converting thread: the display only reads the task's last values.</summary>
    private sealed class SynchronousProgress(Action<ConvertProgress> report) : IProgress<ConvertProgress>
    {
        public void Report(ConvertProgress value) => report(value);
    }
}
