using PaperChunks.Formats;
using PaperChunks.Records;
using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>
/// One input of any record kind (chunks, SciTLDR rows, ShortScience pages, other column sets) into JSON Lines
/// or Parquet of the same kind and shape, streaming; the writer is made once the first record shows its shape.
/// </summary>
internal static class KindConversion
{
    public static async Task<ConvertReport> ConvertAsync(
        string input, DetectedFormat detected, string output, OutputFormat format, ConvertOptions options,
        RecordNormalizer? normalizer, IProgress<ConvertProgress>? progress, CancellationToken cancellationToken)
    {
        var w = options.Writer;
        var total = File.Exists(input) ? new FileInfo(input).Length : 0;
        var copy = new Copy(progress, total);
        var report = normalizer is null ? null : new NormalizationReport();
        var reader = options.Reader;
        var (rows, errorCount, errors) = detected.Kind switch
        {
            RecordKind.Chunk => await copy.RunAsync(
                PaperChunksReader.OpenChunks(input, reader, detected.Format),
                _ => PaperChunksWriter.CreateChunks(output, w, format),
                ChunkRows(options, normalizer, report), cancellationToken).ConfigureAwait(false),
            RecordKind.Summarization => await copy.RunAsync(
                PaperChunksReader.OpenSummarization(input, reader, detected.Format),
                first => PaperChunksWriter.CreateSummarization(output, first?.Shape ?? SummarizationShape.List, w, format),
                normalizer is null ? null : r => normalizer.Normalize(r, report), cancellationToken).ConfigureAwait(false),
            RecordKind.PaperSummary => await copy.RunAsync(
                PaperChunksReader.OpenPaperSummaries(input, reader, detected.Format),
                _ => PaperChunksWriter.CreatePaperSummaries(output, w, format),
                normalizer is null ? null : r => normalizer.Normalize(r, report), cancellationToken).ConfigureAwait(false),
            _ => await copy.RunAsync(
                PaperChunksReader.OpenGeneric(input, reader, detected.Format),
                _ => PaperChunksWriter.CreateGeneric(output, w, format),
                normalizer is null ? null : r => normalizer.Normalize(r, report), cancellationToken).ConfigureAwait(false),
        };
        return new ConvertReport
        {
            Output = output,
            Format = format,
            Kind = detected.Kind,
            Input = detected,
            Rows = rows,
            BytesRead = total,
            BytesWritten = ChunkConversion.SizeOf(output),
            ErrorCount = errorCount,
            Errors = errors,
            Normalization = report,
        };
    }

    // What happens to a chunk row between reader and writer: normalizing, then the canonical schema if asked.
    // (JSON Lines to JSON Lines in the source's schema writes each row as read: byte for byte.)
    private static Func<ChunkRecord, ChunkRecord>? ChunkRows(ConvertOptions options, RecordNormalizer? normalizer, NormalizationReport? report)
    {
        if (options.Schema != OutputSchema.Canonical)
        {
            return normalizer is null ? null : r => normalizer.Normalize(r, report);
        }

        var canonical = new OutputRowSchema(OutputSchema.Canonical);
        return r => canonical.Apply(normalizer is null ? r : normalizer.Normalize(r, report), out _, out _)!;
    }

    /// <summary>Copies every record; the writer is made once the first record shows its shape.</summary>
    /// <remarks>The readers do not tell how far into the file they are, so progress counts rows until the end.</remarks>
    private sealed class Copy(IProgress<ConvertProgress>? progress, long total)
    {
        private const int ProgressEveryRows = 1024;

        public async Task<(long Rows, long ErrorCount, IReadOnlyList<PaperChunksFormatException> Errors)> RunAsync<T>(
            RecordReader<T> reader, Func<T?, RecordWriter<T>> createWriter, Func<T, T>? normalize, CancellationToken cancellationToken)
            where T : class
        {
            await using (reader.ConfigureAwait(false))
            {
                var first = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var writer = createWriter(first);
                await using (writer.ConfigureAwait(false))
                {
                    try
                    {
                        for (var record = first; record is not null; record = await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            await writer.WriteAsync(normalize is null ? record : normalize(record), cancellationToken).ConfigureAwait(false);
                            if (progress is not null && writer.RecordsWritten % ProgressEveryRows == 0)
                            {
                                progress.Report(new ConvertProgress(0, total, writer.RecordsWritten));
                            }
                        }
                    }
                    catch
                    {
                        // A failed read (fail-fast, cancellation) must not leave the rows so far as the output.
                        writer.Abort();
                        throw;
                    }

                    await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    progress?.Report(new ConvertProgress(total, total, writer.RecordsWritten));
                    return (writer.RecordsWritten, reader.ErrorCount, reader.Errors);
                }
            }
        }
    }
}
