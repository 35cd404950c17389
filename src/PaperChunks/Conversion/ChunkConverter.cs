using System.Diagnostics;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;

namespace PaperChunks.Conversion;

/// <summary>
/// Converts chunk rows between formats, streaming: inputs are read one row at a time and the output is
/// written through a temporary file that replaces the target only when complete, so a failure or a
/// cancellation leaves no partial output and an existing output untouched.
/// </summary>
public static class ChunkConverter
{
    private const int ProgressEveryRows = 1024;

    /// <summary>The format a path names by its extension (<c>.parquet</c>, <c>.csv[.gz|.zst]</c>, <c>.jsonl[.gz|.zst]</c>), or null.</summary>
    /// <param name="path">A file path.</param>
    public static ChunkFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = StripCompression(Path.GetFileName(path));
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".parquet" => ChunkFormat.Parquet,
            ".csv" => ChunkFormat.Csv,
            ".jsonl" or ".json" or ".ndjson" => ChunkFormat.Jsonl,
            _ => null,
        };
    }

    /// <summary>Converts every row of <paramref name="inputs"/>, in order, into one output.</summary>
    /// <param name="inputs">Input files: JSONL (plain, .gz, .zst), CSV, or Parquet, told apart by extension.</param>
    /// <param name="output">The output file, or folder for sharded or partitioned Parquet.</param>
    /// <param name="options">Settings, or <see langword="null"/> for <see cref="ConvertOptions.Default"/>.</param>
    /// <param name="progress">Receives progress every thousand rows or so; may be null.</param>
    /// <param name="cancellationToken">Stops the conversion; nothing is left at the output.</param>
    /// <returns>Counts, sizes and the errors of skipped rows.</returns>
    /// <exception cref="PaperChunksFormatException">An input is malformed (first bad row under fail-fast).</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or cannot be written.</exception>
    /// <exception cref="ArgumentException">The output format cannot be told from the output path.</exception>
    public static async Task<ConvertReport> ConvertAsync(
        IReadOnlyList<string> inputs,
        string output,
        ConvertOptions? options = null,
        IProgress<ConvertProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrEmpty(output);
        options ??= ConvertOptions.Default;
        var format = options.To ?? FormatOf(output)
            ?? throw new ArgumentException($"Cannot tell the output format from \"{output}\"; name it .jsonl, .csv or .parquet, or say which.", nameof(output));

        var stopwatch = Stopwatch.StartNew();
        var total = 0L;
        foreach (var input in inputs)
        {
            total += File.Exists(input) ? new FileInfo(input).Length : 0;
        }

        var papers = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<PaperChunksFormatException>();
        long rows = 0, errorCount = 0, doneBytes = 0;
        string? lastDoi = null;
        var normalization = options.Normalizer is null ? null : new Text.NormalizationReport();
        await using (var writer = OpenWriter(output, format, options))
        {
            foreach (var input in inputs)
            {
                await using var source = InputSource.Open(input, options.Reader, options.From);
                var unwritable = new List<PaperChunksFormatException>();
                while (await source.Reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } read)
                {
                    var record = options.Normalizer is { } normalizer ? normalizer.Normalize(read, normalization) : read;
                    if (Unwritable(writer, record, source.Reader, options) is { } error)
                    {
                        unwritable.Add(error);
                        continue;
                    }

                    await writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
                    rows++;
                    if (!ReferenceEquals(record.Doi, lastDoi))
                    {
                        lastDoi = record.Doi;
                        papers.Add(record.Doi);
                    }

                    if (progress is not null && rows % ProgressEveryRows == 0)
                    {
                        progress.Report(new ConvertProgress(doneBytes + source.BytesRead, total, rows));
                    }
                }

                doneBytes += source.Length;
                errorCount += source.Reader.ErrorCount + unwritable.Count;
                errors.AddRange(unwritable.Count == 0 ? source.Reader.Errors : [.. source.Reader.Errors.Concat(unwritable).OrderBy(e => e.Line)]);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new ConvertProgress(total, total, rows));
        return new ConvertReport(output, format, rows, papers.Count, total, SizeOf(output), stopwatch.Elapsed, errorCount, errors)
        {
            Normalization = normalization,
        };
    }

    // A row the output cannot hold (a partition value too long for a folder name) is the input row's error,
    // located and skipped like a malformed one, rather than a failure of the whole output.
    private static PaperChunksFormatException? Unwritable(RecordWriter<ChunkRecord> writer, ChunkRecord record, RecordReader<ChunkRecord> reader, ConvertOptions options)
    {
        if (writer is not ParquetChunkDatasetWriter dataset || dataset.ProblemWith(record) is not { } problem)
        {
            return null;
        }

        var error = new PaperChunksFormatException(reader.SourceName, reader.CurrentLine, 0, options.Parquet.PartitionBy, problem);
        return options.Reader.ErrorPolicy == ErrorPolicy.FailFast ? throw error : error;
    }

    private static RecordWriter<ChunkRecord> OpenWriter(string output, ChunkFormat format, ConvertOptions options)
    {
        var writerOptions = new WriterOptions { Overwrite = options.Overwrite };
        var parquet = options.Parquet;
        return format switch
        {
            ChunkFormat.Parquet when parquet.ShardRows is not null || parquet.ShardBytes is not null || parquet.PartitionBy is not null =>
                new ParquetChunkDatasetWriter(output, parquet, writerOptions),
            ChunkFormat.Parquet => new ParquetChunkWriter(output, parquet, writerOptions),
            ChunkFormat.Csv => new CsvChunkWriter(output, options.Csv, writerOptions),
            _ => new JsonlChunkWriter(output, writerOptions),
        };
    }

    private static long SizeOf(string output)
    {
        if (File.Exists(output))
        {
            return new FileInfo(output).Length;
        }

        var total = 0L;
        if (Directory.Exists(output))
        {
            foreach (var file in new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                total += file.Length;
            }
        }

        return total;
    }

    private static string StripCompression(string name)
    {
        foreach (var suffix in (string[])[".gz", ".zst", ".zstd"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>One input: its reader and how far into the file it is.</summary>
    private sealed class InputSource : IAsyncDisposable
    {
        private readonly FileStream? _file;
        private readonly ParquetChunkReader? _parquet;

        private InputSource(RecordReader<ChunkRecord> reader, FileStream? file, long length)
        {
            Reader = reader;
            _file = file;
            _parquet = reader as ParquetChunkReader;
            Length = length;
        }

        public RecordReader<ChunkRecord> Reader { get; }

        public long Length { get; }

        // Parquet reads by seeking, so its progress is the share of rows read.
        public long BytesRead => _parquet is { TotalRows: > 0 and var total }
            ? (long)(Length * ((double)_parquet.RecordsRead / total))
            : _file?.Position ?? 0;

        public static InputSource Open(string path, ReaderOptions options, InputFormat? from)
        {
            var format = from switch
            {
                InputFormat.Parquet => ChunkFormat.Parquet,
                InputFormat.Csv => ChunkFormat.Csv,
                InputFormat.Jsonl => ChunkFormat.Jsonl,
                null => FormatOf(path),
                _ => null,
            };
            if (format == ChunkFormat.Parquet)
            {
                return new InputSource(new ParquetChunkReader(path, options), null, FileLength(path));
            }

            if (format is null && PaperChunksReader.Detect(path, from, options).Format != InputFormat.Jsonl)
            {
                // Dataset-viewer copies: their reader reads the file itself, so progress counts rows only.
                return new InputSource(PaperChunksReader.OpenChunks(path, options, from), null, FileLength(path));
            }

            var file = OpenFile(path, options);
            try
            {
                var named = options with { SourceName = options.SourceName ?? path };
                RecordReader<ChunkRecord> reader = format == ChunkFormat.Csv
                    ? new CsvChunkReader(file, named)
                    : new JsonlChunkReader(file, named);
                return new InputSource(reader, file, file.Length);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        public ValueTask DisposeAsync() => Reader.DisposeAsync();

        private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

        private static FileStream OpenFile(string path, ReaderOptions options)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PaperChunksFormatException(options.SourceName ?? path, 0, 0, null, $"cannot open the file: {e.Message}", e);
            }
        }
    }
}
