using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;

namespace PaperChunks.Conversion;

/// <summary>
/// Converts any input <see cref="PaperChunksReader"/> can open (JSON Lines, dataset-viewer copies,
/// ShortScience pages) into JSON Lines of its record kind, streaming, through a temporary file that
/// replaces the output only when complete.
/// </summary>
public static class JsonlConverter
{
    /// <summary>Converts one input to JSON Lines (<c>.gz</c> / <c>.zst</c> output compresses).</summary>
    /// <param name="input">The input file.</param>
    /// <param name="output">The JSON Lines file to write.</param>
    /// <param name="readerOptions">How the input is read (error policy, limits), or <see langword="null"/> for the defaults.</param>
    /// <param name="from">The input format, or <see langword="null"/> to detect it.</param>
    /// <param name="overwrite">Replace an existing output; otherwise an existing output is an error and stays untouched.</param>
    /// <param name="cancellationToken">Stops the conversion; nothing is left at the output.</param>
    /// <returns>What was read and written, with the errors of skipped rows.</returns>
    /// <exception cref="PaperChunksFormatException">The input is malformed (first bad row under fail-fast) or its format cannot be told.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or cannot be written.</exception>
    public static async Task<JsonlConversionReport> ConvertAsync(
        string input,
        string output,
        ReaderOptions? readerOptions = null,
        InputFormat? from = null,
        bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        var detected = PaperChunksReader.Detect(input, from, readerOptions);
        var writerOptions = new WriterOptions { Overwrite = overwrite };
        return detected.Kind switch
        {
            RecordKind.Chunk => await CopyAsync(
                detected, output, PaperChunksReader.OpenChunks(input, readerOptions, detected.Format),
                _ => new JsonlChunkWriter(output, writerOptions), cancellationToken).ConfigureAwait(false),
            RecordKind.Summarization => await CopyAsync(
                detected, output, PaperChunksReader.OpenSummarization(input, readerOptions, detected.Format),
                first => new JsonlSummarizationWriter(output, first?.Shape ?? SummarizationShape.List, writerOptions), cancellationToken).ConfigureAwait(false),
            RecordKind.PaperSummary => await CopyAsync(
                detected, output, PaperChunksReader.OpenPaperSummaries(input, readerOptions, detected.Format),
                _ => new JsonlPaperSummaryWriter(output, writerOptions), cancellationToken).ConfigureAwait(false),
            _ => await CopyAsync(
                detected, output, PaperChunksReader.OpenGeneric(input, readerOptions, detected.Format),
                _ => new JsonlGenericWriter(output, writerOptions), cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Copies every record; the writer is made once the first record shows its shape.</summary>
    private static async Task<JsonlConversionReport> CopyAsync<T>(
        DetectedFormat detected, string output, RecordReader<T> reader, Func<T?, RecordWriter<T>> createWriter, CancellationToken cancellationToken)
        where T : class
    {
        await using (reader.ConfigureAwait(false))
        {
            var first = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var writer = createWriter(first);
            await using (writer.ConfigureAwait(false))
            {
                for (var record = first; record is not null; record = await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    await writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
                }

                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return new JsonlConversionReport(output, detected, writer.RecordsWritten, reader.ErrorCount, reader.Errors);
            }
        }
    }
}
