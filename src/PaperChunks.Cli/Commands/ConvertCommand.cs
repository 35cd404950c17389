using System.CommandLine;
using System.Globalization;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Parquet;
using PaperChunks.Text;
using Spectre.Console;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks convert IN... -o OUT</c>: any readable input to JSONL, CSV or Parquet, streaming, through a
/// temporary file that replaces the output only when complete. One input keeps its record kind (chunks,
/// SciTLDR rows, paper summaries) in JSON Lines or Parquet; CSV and several inputs take chunk rows.
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
        var rowGroupSize = new Option<string?>("--row-group-size") { Description = "Parquet row-group size, uncompressed, e.g. 64MB (default 16MB)." };
        var rowGroupRows = new Option<int?>("--row-group-rows") { Description = "Parquet row-group size in rows (in addition to the byte size)." };
        var shardRows = new Option<long?>("--shard-rows") { Description = "Write a folder of Parquet shards of this many rows (train-00000-of-00004.parquet)." };
        var shardSize = new Option<string?>("--shard-size") { Description = "Write a folder of Parquet shards of about this size uncompressed, e.g. 500MB." };
        var partitionBy = new Option<string?>("--partition-by") { Description = "Hive-partition the Parquet folder by a column, e.g. primary_category." };
        var from = CommonOptions.From();
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
        var quiet = CommonOptions.Quiet();
        var report = CommonOptions.Report();
        var command = new Command("convert", "Convert chunk rows between JSONL, CSV and Parquet (SciTLDR and ShortScience rows to JSONL or Parquet), streaming, optionally normalizing text; the output appears only when complete.")
        {
            inputs, output, to, from, overwrite, compression, rowGroupSize, rowGroupRows, shardRows, shardSize, partitionBy,
            escapeFormulas, normalize, fields, onError, quiet, report,
        };
        command.SetAction(async (parse, ct) =>
        {
            ParquetWriterOptions parquet;
            string[] files;
            try
            {
                parquet = new ParquetWriterOptions
                {
                    Compression = Enum.Parse<ParquetCompression>(parse.GetValue(compression)!, ignoreCase: true),
                    RowGroupBytes = Size(parse.GetValue(rowGroupSize)) ?? ParquetWriterOptions.Default.RowGroupBytes,
                    RowGroupRows = parse.GetValue(rowGroupRows),
                    ShardRows = parse.GetValue(shardRows),
                    ShardBytes = Size(parse.GetValue(shardSize)),
                    PartitionBy = parse.GetValue(partitionBy),
                };
                files = InputGlob.Expand(parse.GetValue(inputs)!);
            }
            catch (FormatException e)
            {
                return await UsageAsync(console, e.Message).ConfigureAwait(false);
            }

            var options = new ConvertOptions
            {
                To = parse.GetValue(to) is { } format ? Enum.Parse<ChunkFormat>(format, ignoreCase: true) : null,
                From = CommonOptions.FormatOf(parse.GetValue(from)),
                Overwrite = parse.GetValue(overwrite),
                Reader = new ReaderOptions { ErrorPolicy = CommonOptions.PolicyOf(parse.GetValue(onError)!) },
                Parquet = parquet,
                Csv = new CsvWriterOptions { EscapeFormulas = parse.GetValue(escapeFormulas) },
            };
            var named = parse.GetValue(fields) ?? [];
            if (named.Length > 0 && !parse.GetValue(normalize))
            {
                return await UsageAsync(console, "--field only applies with --normalize").ConfigureAwait(false);
            }

            if (parse.GetValue(normalize))
            {
                options = options with
                {
                    Normalizer = await RecordNormalizer.ForCorpusAsync(files, null, named, options.Reader, options.From, ct).ConfigureAwait(false),
                };
            }

            return await RunAsync(console, files, parse.GetValue(output)!, options, parse.GetValue(quiet), parse.GetValue(report)!, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string[] inputs, string output, ConvertOptions options, bool quiet, string report, CancellationToken ct)
    {
        if (options.To is null && ChunkConverter.FormatOf(output) is null
            && options.Parquet is { ShardRows: null, ShardBytes: null, PartitionBy: null })
        {
            return await UsageAsync(console, $"cannot tell the output format from \"{output}\"; name it .jsonl, .csv or .parquet, or pass --to").ConfigureAwait(false);
        }

        if (options.To is null && ChunkConverter.FormatOf(output) is null)
        {
            options = options with { To = ChunkFormat.Parquet };
        }

        // One input keeps its record kind: any kind to JSON Lines, SciTLDR and ShortScience rows to Parquet too.
        if (inputs.Length == 1 && KeepsKind(inputs[0], output, options))
        {
            return await OneInputAsync(console, inputs[0], output, options, report, ct).ConfigureAwait(false);
        }

        ConvertReport result;
        try
        {
            result = console.ErrorIsTerminal && !quiet
                ? await WithProgressAsync(console, inputs, output, options, ct).ConfigureAwait(false)
                : await ChunkConverter.ConvertAsync(inputs, output, options, null, ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return await UsageAsync(console, e.Message).ConfigureAwait(false);
        }

        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new
            {
                output = result.Output,
                format = result.Format.ToString().ToLowerInvariant(),
                rows = result.Rows,
                papers = result.Papers,
                bytes_read = result.BytesRead,
                bytes_written = result.BytesWritten,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                error_count = result.ErrorCount,
                errors = result.Errors.Select(JsonReport.Error),
                normalization = result.Normalization is { } n ? NormalizationOutput.Json(n, options.Normalizer?.Normalizer.Vocabulary?.WordCount) : null,
            }).ConfigureAwait(false);
        }
        else
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync(Summary(result)).ConfigureAwait(false);
            await NormalizationOutput.WriteTextAsync(console.Out, result.Normalization).ConfigureAwait(false);
        }

        return result.ErrorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    private static string Summary(ConvertReport r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Rows:N0} rows, {r.Papers:N0} papers, {r.BytesRead:N0} bytes read, {r.BytesWritten:N0} bytes written, {r.Elapsed.TotalSeconds:F1} s -> {r.Output}: {r.Rows} rows, {r.ErrorCount} skipped");

    // Chunk rows from CSV or Parquet, or into CSV or a Parquet folder, go through ChunkConverter; any other
    // single input keeps its detected record kind, and a kind the output format cannot hold is a usage error.
    private static bool KeepsKind(string input, string output, ConvertOptions options)
    {
        var to = options.To ?? ChunkConverter.FormatOf(output);
        var textInput = ChunkConverter.FormatOf(input) is not (ChunkFormat.Csv or ChunkFormat.Parquet)
            && options.From is not (Formats.InputFormat.Csv or Formats.InputFormat.Parquet);
        if (to == ChunkFormat.Jsonl && textInput)
        {
            return true;
        }

        return PaperChunksReader.Detect(input, options.From, options.Reader).Kind != RecordKind.Chunk;
    }

    private static async Task<int> OneInputAsync(CliConsole console, string input, string output, ConvertOptions options, string report, CancellationToken ct)
    {
        if (options.Parquet is not { ShardRows: null, ShardBytes: null, PartitionBy: null })
        {
            return await UsageAsync(console, "sharding and partitioning apply to chunk rows only").ConfigureAwait(false);
        }

        JsonlConversionReport result;
        try
        {
            result = await RecordConverter.ConvertAsync(input, output, options, ct).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return await UsageAsync(console, e.Message).ConfigureAwait(false);
        }

        if (report == "json")
        {
            await JsonReport.WriteAsync(console.Out, new
            {
                input,
                format = result.Input.Name,
                kind = result.Input.KindName,
                output = result.Output,
                rows = result.Rows,
                error_count = result.ErrorCount,
                errors = result.Errors.Select(JsonReport.Error),
                normalization = result.Normalization is { } n ? NormalizationOutput.Json(n, options.Normalizer?.Normalizer.Vocabulary?.WordCount) : null,
            }).ConfigureAwait(false);
        }
        else
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"{input} ({result.Input.Name}, {result.Input.KindName} rows) -> {result.Output}: {result.Rows} rows, {result.ErrorCount} skipped").ConfigureAwait(false);
            await NormalizationOutput.WriteTextAsync(console.Out, result.Normalization).ConfigureAwait(false);
        }

        return result.ErrorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

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
                var started = DateTime.UtcNow;
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(p.BytesTotal, 1);
                    task.Value = p.BytesRead;
                    var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Rows:N0} rows, {p.Rows / seconds:N0} rows/s");
                });
                result = await ChunkConverter.ConvertAsync(inputs, output, options, progress, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    private static async Task<int> UsageAsync(CliConsole console, string message)
    {
        await console.Error.WriteLineAsync($"paperchunks: {message}").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    // 128MB, 64 MB, 1GB, 500000 (bytes); powers of 1024.
    private static long? Size(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        var (digits, scale) = t.EndsWith("GB", StringComparison.Ordinal) ? (t[..^2], 1L << 30)
            : t.EndsWith("MB", StringComparison.Ordinal) ? (t[..^2], 1L << 20)
            : t.EndsWith("KB", StringComparison.Ordinal) ? (t[..^2], 1L << 10)
            : t.EndsWith('B') ? (t[..^1], 1L)
            : (t, 1L);
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? (long)(value * scale)
            : throw new FormatException($"expected a size such as 128MB or 1GB, found \"{text}\"");
    }

    /// <summary>Reports on the converting thread: the display only reads the task's last values.</summary>
    private sealed class SynchronousProgress(Action<ConvertProgress> report) : IProgress<ConvertProgress>
    {
        public void Report(ConvertProgress value) => report(value);
    }
}
