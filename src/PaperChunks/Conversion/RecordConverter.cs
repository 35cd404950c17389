using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>
/// Converts one input of any record kind <see cref="PaperChunksReader"/> reads (chunks, SciTLDR rows,
/// ShortScience pages, other column sets) into JSON Lines or Parquet of the same kind, streaming, through a
/// temporary file that replaces the output only when complete; optionally normalizing text on the way.
/// </summary>
public static class RecordConverter
{
    /// <summary>Whether records of <paramref name="kind"/> can be written as <paramref name="format"/>.</summary>
    /// <param name="kind">A record kind.</param>
    /// <param name="format">An output format.</param>
    public static bool CanWrite(RecordKind kind, ChunkFormat format) => format switch
    {
        ChunkFormat.Jsonl => true,
        ChunkFormat.Parquet => kind is not RecordKind.Generic,
        _ => kind is RecordKind.Chunk,
    };

    /// <summary>Converts one input into <paramref name="output"/>, in <see cref="ConvertOptions.To"/> or the format its extension names.</summary>
    /// <param name="input">The input file.</param>
    /// <param name="output">The output file (<c>.jsonl[.gz|.zst]</c> or <c>.parquet</c>).</param>
    /// <param name="options">Settings (reading, overwriting, Parquet layout, normalizer), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the conversion; nothing is left at the output.</param>
    /// <returns>What was read and written, with the errors of skipped rows and what the normalizer repaired.</returns>
    /// <exception cref="PaperChunksFormatException">The input is malformed (first bad row under fail-fast) or its format cannot be told.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or cannot be written.</exception>
    /// <exception cref="ArgumentException">The output format cannot be told, or does not hold the input's record kind.</exception>
    public static async Task<JsonlConversionReport> ConvertAsync(
        string input, string output, ConvertOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        options ??= ConvertOptions.Default;
        var format = options.To ?? ChunkConverter.FormatOf(output)
            ?? throw new ArgumentException($"Cannot tell the output format from \"{output}\"; name it .jsonl or .parquet, or say which.", nameof(output));
        var detected = PaperChunksReader.Detect(input, options.From, options.Reader);
        if (!CanWrite(detected.Kind, format))
        {
            throw new ArgumentException(
                $"{input} holds {detected.KindName} rows, which cannot be written as {format.ToString().ToUpperInvariant()}; write .jsonl{(detected.Kind is RecordKind.Generic ? "" : " or .parquet")}.",
                nameof(output));
        }

        var w = new WriterOptions { Overwrite = options.Overwrite };
        var p = options.Parquet;
        var normalizer = options.Normalizer;
        var report = normalizer is null ? null : new NormalizationReport();
        var reader = options.Reader;
        var parquet = format == ChunkFormat.Parquet;
        return detected.Kind switch
        {
            RecordKind.Chunk => await CopyAsync(
                detected, output, PaperChunksReader.OpenChunks(input, reader, detected.Format),
                _ => parquet ? new ParquetChunkWriter(output, p, w) : new JsonlChunkWriter(output, w),
                normalizer is null ? null : r => normalizer.Normalize(r, report), report, cancellationToken).ConfigureAwait(false),
            RecordKind.Summarization => await CopyAsync(
                detected, output, PaperChunksReader.OpenSummarization(input, reader, detected.Format),
                first => parquet
                    ? new ParquetSummarizationWriter(output, first?.Shape ?? SummarizationShape.List, p, w)
                    : new JsonlSummarizationWriter(output, first?.Shape ?? SummarizationShape.List, w),
                normalizer is null ? null : r => normalizer.Normalize(r, report), report, cancellationToken).ConfigureAwait(false),
            RecordKind.PaperSummary => await CopyAsync(
                detected, output, PaperChunksReader.OpenPaperSummaries(input, reader, detected.Format),
                _ => parquet ? new ParquetPaperSummaryWriter(output, p, w) : new JsonlPaperSummaryWriter(output, w),
                normalizer is null ? null : r => normalizer.Normalize(r, report), report, cancellationToken).ConfigureAwait(false),
            _ => await CopyAsync(
                detected, output, PaperChunksReader.OpenGeneric(input, reader, detected.Format),
                _ => new JsonlGenericWriter(output, w),
                normalizer is null ? null : r => normalizer.Normalize(r, report), report, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Copies every record; the writer is made once the first record shows its shape.</summary>
    private static async Task<JsonlConversionReport> CopyAsync<T>(
        DetectedFormat detected,
        string output,
        RecordReader<T> reader,
        Func<T?, RecordWriter<T>> createWriter,
        Func<T, T>? normalize,
        NormalizationReport? report,
        CancellationToken cancellationToken)
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
                    }
                }
                catch
                {
                    // A failed read (fail-fast, cancellation) must not leave the rows so far as the output.
                    writer.Abort();
                    throw;
                }

                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return new JsonlConversionReport(output, detected, writer.RecordsWritten, reader.ErrorCount, reader.Errors) { Normalization = report };
            }
        }
    }
}
