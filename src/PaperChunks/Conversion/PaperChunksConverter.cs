using System.Diagnostics;
using PaperChunks.Formats;

namespace PaperChunks.Conversion;

/// <summary>
/// The one entry point for converting files, as <c>paperchunks convert</c> and <c>paperchunks normalize</c>
/// do: any input <see cref="PaperChunksReader"/> reads into JSON Lines, CSV or Parquet, streaming, through a
/// temporary file that replaces the output only when complete (so a failure or a cancellation leaves no
/// partial output and an existing output untouched), optionally normalizing text on the way.
/// </summary>
/// <remarks>
/// One input keeps its record kind (chunk rows, SciTLDR rows in their list or flattened shape, paper
/// summaries) in JSON Lines, CSV or Parquet, rows of any other column set in JSON Lines. Several inputs and a
/// Parquet dataset folder take chunk rows, which are read in order into the one output.
/// </remarks>
public static class PaperChunksConverter
{
    /// <summary>Converts <paramref name="inputs"/>, in order, into one output.</summary>
    /// <param name="inputs">Input files of any format <see cref="PaperChunksReader"/> reads.</param>
    /// <param name="output">The output file, or folder for sharded or partitioned Parquet.</param>
    /// <param name="options">Settings, or <see langword="null"/> for <see cref="ConvertOptions.Default"/>.</param>
    /// <param name="progress">Receives progress (every thousand rows or so, and once a phase is done) on the converting thread; may be null.</param>
    /// <param name="cancellationToken">Stops the conversion; nothing is left at the output.</param>
    /// <returns>Counts, sizes, the errors of skipped rows and what the normalizer repaired.</returns>
    /// <exception cref="PaperChunksFormatException">An input is malformed (first bad row under fail-fast) or its format cannot be told.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or cannot be written.</exception>
    /// <exception cref="ArgumentException">
    /// The output format cannot be told from the output path, does not hold the input's record kind, or
    /// sharding, partitioning, the canonical schema or the extra-column scan was asked for records other than chunk rows,
    /// or the scan for JSON Lines output.
    /// </exception>
    public static async Task<ConvertReport> ConvertAsync(
        IReadOnlyList<string> inputs,
        string output,
        ConvertOptions? options = null,
        IProgress<ConvertProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrEmpty(output);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("There is no input to convert.", nameof(inputs));
        }

        options ??= ConvertOptions.Default;
        var stopwatch = Stopwatch.StartNew();
        var format = options.To ?? PaperChunksWriter.FormatOf(output) ?? (IsDataset(options) ? OutputFormat.Parquet : throw Unnamed(output));
        if (options.ScanExtraColumns && format == OutputFormat.Jsonl)
        {
            throw new ArgumentException("scanning the extra columns applies to CSV and Parquet output; JSON Lines keeps every row's columns as they are");
        }

        var detected = inputs.Count == 1 ? Detected(inputs[0], format, options) : null;
        var keepKind = detected is not null && KeepsKind(detected, format);

        (Text.RecordNormalizer? Normalizer, int? CorpusWords) normalizer = options.Normalize is { } normalize
            ? VocabularyPass.NormalizerFor(inputs, normalize, options.Reader, options.From, progress, cancellationToken)
            : (null, null);
        var report = keepKind
            ? await KindConversion.ConvertAsync(inputs[0], detected!, output, format, options, normalizer.Normalizer, progress, cancellationToken).ConfigureAwait(false)
            : await ChunkConversion.ConvertAsync(inputs, output, format, options, normalizer.Normalizer, progress, cancellationToken).ConfigureAwait(false);
        return report with { Inputs = inputs, Input = detected, Elapsed = stopwatch.Elapsed, CorpusWords = normalizer.CorpusWords };
    }

    private static bool IsDataset(ConvertOptions options) =>
        options.Writer.Parquet.WritesFolder;

    private static DetectedFormat Detected(string input, OutputFormat to, ConvertOptions options)
    {
        var detected = PaperChunksReader.Detect(input, options.Reader, options.From);
        if (!PaperChunksWriter.CanWrite(detected.Kind, to))
        {
            throw new ArgumentException(
                $"{input} holds {detected.KindName} rows, which cannot be written as {to.ToString().ToUpperInvariant()}; write .jsonl{(detected.Kind is RecordKind.Generic ? "" : " or .parquet")}.");
        }

        if (detected.Kind != RecordKind.Chunk && options.Schema == OutputSchema.Canonical)
        {
            throw new ArgumentException($"{input} holds {detected.KindName} rows; the canonical schema applies to chunk rows only.");
        }

        if (detected.Kind != RecordKind.Chunk && options.ScanExtraColumns)
        {
            throw new ArgumentException($"{input} holds {detected.KindName} rows; scanning the extra columns applies to chunk rows only.");
        }

        if (detected.Kind != RecordKind.Chunk && IsDataset(options))
        {
            throw new ArgumentException($"{input} holds {detected.KindName} rows; a dataset folder (sharding, partitioning, a dataset card) holds chunk rows only.");
        }

        return detected;
    }

    // Chunk rows from CSV or Parquet, or into CSV or a Parquet file or folder, are converted as chunk rows (with
    // progress by bytes); any other single input keeps its record kind, extra fields and shape.
    private static bool KeepsKind(DetectedFormat detected, OutputFormat to) =>
        detected.Kind != RecordKind.Chunk
        || (to == OutputFormat.Jsonl && detected.Format is not (InputFormat.Csv or InputFormat.Parquet));

    private static ArgumentException Unnamed(string output) =>
        new($"cannot tell the output format from \"{output}\"; name it .jsonl, .csv or .parquet, or say which");
}
