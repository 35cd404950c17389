using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>
/// Chunk rows from any number of inputs, in order, into one output (a file, or a Parquet dataset folder),
/// streaming, with progress by bytes read.
/// </summary>
internal static class ChunkConversion
{
    private const int ProgressEveryRows = 1024;

    public static async Task<ConvertReport> ConvertAsync(
        IReadOnlyList<string> inputs,
        string output,
        OutputFormat format,
        ConvertOptions options,
        RecordNormalizer? normalizer,
        IProgress<ConvertProgress>? progress,
        CancellationToken cancellationToken)
    {
        var total = 0L;
        foreach (var input in inputs)
        {
            total += File.Exists(input) ? new FileInfo(input).Length : 0;
        }

        var papers = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<PaperChunksFormatException>();
        long rows = 0, errorCount = 0, doneBytes = 0;
        string? lastDoi = null;
        var normalization = normalizer is null ? null : new NormalizationReport();
        var schemas = new OutputRowSchema(options.Schema);
        var writerOptions = ExtraColumnPass.WriterFor(inputs, options, progress, cancellationToken);
        await using (var writer = PaperChunksWriter.CreateChunks(output, writerOptions, format))
        {
            try
            {
                foreach (var input in inputs)
                {
                    await using var source = InputSource.Open(input, options.Reader, options.From);
                    await using var ahead = source.ReadAhead(cancellationToken);
                    var unwritable = new List<PaperChunksFormatException>();
                    while (await ahead.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var read = ahead.Current;
                        var normalized = normalizer is null ? read : normalizer.Normalize(read, normalization);
                        if (Unwritable(writer, normalized, source.Reader.SourceName, ahead.CurrentLine, options, schemas, out var record) is { } error)
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
                    errorCount += source.ErrorCount + unwritable.Count;
                    errors.AddRange(unwritable.Count == 0 ? source.Errors : [.. source.Errors.Concat(unwritable).OrderBy(e => e.Line)]);
                }
            }
            catch
            {
                // A failed read (fail-fast, cancellation) must not leave the rows so far as the output.
                writer.Abort();
                throw;
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new ConvertProgress(total, total, rows));
        return new ConvertReport
        {
            Output = output,
            Format = format,
            Kind = RecordKind.Chunk,
            Rows = rows,
            Papers = papers.Count,
            BytesRead = total,
            BytesWritten = SizeOf(output),
            ErrorCount = errorCount,
            Errors = errors,
            Normalization = normalization,
        };
    }

    // A row the output cannot hold (a partition value too long for a folder name) is the input row's error,
    // located and skipped like a malformed one, rather than a failure of the whole output.
    // A row whose column types the output cannot take exactly (OutputRowSchema) is refused the same way.
    private static PaperChunksFormatException? Unwritable(
        RecordWriter<ChunkRecord> writer, ChunkRecord read, string sourceName, long line, ConvertOptions options, OutputRowSchema schemas, out ChunkRecord record)
    {
        string? field, problem;
        if (schemas.Apply(read, out field, out problem) is { } stored)
        {
            record = stored;
            if (writer is not ParquetChunkDatasetWriter dataset || dataset.ProblemWith(record) is not { } partitionProblem)
            {
                return null;
            }

            (field, problem) = (options.Writer.Parquet.PartitionBy, partitionProblem);
        }

        record = read;
        var error = new PaperChunksFormatException(sourceName, line, 0, field, problem!);
        return options.Reader.ErrorPolicy == ErrorPolicy.FailFast ? throw error : error;
    }

    /// <summary>The bytes on disk of a file, or of every file in a folder.</summary>
    public static long SizeOf(string output)
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

    /// <summary>One input: its reader (two for a Parquet file read on two cores) and how far into the file it is.</summary>
    private sealed class InputSource : IAsyncDisposable
    {
        private readonly FileStream? _file;
        private readonly RecordReader<ChunkRecord>[] _readers;

        private InputSource(RecordReader<ChunkRecord>[] readers, FileStream? file, long length)
        {
            _readers = readers;
            _file = file;
            Length = length;
        }

        private InputSource(RecordReader<ChunkRecord> reader, FileStream? file, long length)
            : this([reader], file, length)
        {
        }

        public RecordReader<ChunkRecord> Reader => _readers[0];

        public long Length { get; }

        // Parquet reads by seeking, so its progress is the share of rows read.
        public long BytesRead => _readers[0] is ParquetChunkReader { TotalRows: > 0 and var total }
            ? (long)(Length * ((double)_readers.Sum(r => r.RecordsRead) / total))
            : _file?.Position ?? 0;

        public long ErrorCount => _readers.Sum(r => r.ErrorCount);

        // Two readers' errors in the file's order, kept up to the one limit.
        public IReadOnlyList<PaperChunksFormatException> Errors => _readers.Length == 1
            ? Reader.Errors
            : [.. _readers.SelectMany(r => r.Errors).OrderBy(e => e.Line).Take(Reader.Options.MaxKeptErrors)];

        public ReadAhead<ChunkRecord> ReadAhead(CancellationToken cancellationToken) => _readers is [ParquetChunkReader even, ParquetChunkReader odd]
            ? ReadAhead<ChunkRecord>.ByRowGroup(even, odd, cancellationToken)
            : ReadAhead<ChunkRecord>.Start(Reader, cancellationToken);

        public static InputSource Open(string path, ReaderOptions options, InputFormat? from)
        {
            if (Directory.Exists(path))
            {
                // A dataset folder: its reader opens the split's files itself, so progress counts rows only.
                return new InputSource(PaperChunksReader.OpenChunks(path, options, from), null, 0);
            }

            // The content decides, as in every other command: a JSON Lines file named .parquet is read as JSON Lines.
            var format = (from ?? PaperChunksReader.Detect(path, options).Format) switch
            {
                InputFormat.Parquet => InputFormat.Parquet,
                InputFormat.Csv => InputFormat.Csv,
                InputFormat.Jsonl => InputFormat.Jsonl,
                _ => (InputFormat?)null,
            };
            if (format == InputFormat.Parquet)
            {
                // Two readers, for the even and the odd row groups, decode on two cores (ReadAhead.ByRowGroup).
                var even = new ParquetChunkReader(path, options);
                return options.MaxDegreeOfParallelism > 1
                    ? new InputSource([even, OpenSecond(even, () => new ParquetChunkReader(path, options))], null, FileLength(path))
                    : new InputSource(even, null, FileLength(path));
            }

            if (format is null)
            {
                // Dataset-viewer copies: their reader reads the file itself, so progress counts rows only.
                return new InputSource(PaperChunksReader.OpenChunks(path, options, from), null, FileLength(path));
            }

            var file = OpenFile(path, options);
            try
            {
                var named = options with { SourceName = options.SourceName ?? path };
                RecordReader<ChunkRecord> reader = format == InputFormat.Csv
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

        public async ValueTask DisposeAsync()
        {
            foreach (var reader in _readers)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
        }

        private static RecordReader<ChunkRecord> OpenSecond(RecordReader<ChunkRecord> first, Func<RecordReader<ChunkRecord>> open)
        {
            try
            {
                return open();
            }
            catch
            {
                first.Dispose();
                throw;
            }
        }

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
