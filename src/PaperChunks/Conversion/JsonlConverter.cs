using PaperChunks.Formats;

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
        var options = new ConvertOptions
        {
            To = ChunkFormat.Jsonl,
            From = from,
            Overwrite = overwrite,
            Reader = readerOptions ?? ReaderOptions.Default,
        };
        return await RecordConverter.ConvertAsync(input, output, options, cancellationToken).ConfigureAwait(false);
    }
}
