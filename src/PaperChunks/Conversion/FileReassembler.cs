using System.Diagnostics;
using PaperChunks.Formats;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>
/// The one entry point for reassembling files, as <c>paperchunks reassemble</c> does: reads chunk rows from any
/// number of inputs (a large plain JSON Lines file in parts, one thread each), rebuilds every paper with
/// <see cref="PaperReassembler"/>, and writes the papers to JSON Lines or Parquet through a temporary file
/// that replaces the output only when the run succeeds.
/// </summary>
public static class FileReassembler
{
    private const int ProgressEveryPapers = 256;

    /// <summary>Reassembles the papers of <paramref name="inputs"/> into <paramref name="output"/>.</summary>
    /// <param name="inputs">Chunk files of any format <see cref="PaperChunksReader"/> reads, in any row order.</param>
    /// <param name="output">The papers file: <c>.jsonl</c> (optionally <c>.gz</c> / <c>.zst</c>) or <c>.parquet</c>.</param>
    /// <param name="options">Settings, or <see langword="null"/> for <see cref="ReassembleOptions.Default"/>.</param>
    /// <param name="progress">Receives the rows read so far (phase <see cref="ConvertPhase.Reassembling"/>, after the vocabulary pass when normalizing); may be null.</param>
    /// <param name="cancellationToken">Stops the run; temporary files are deleted and nothing is left at the output.</param>
    /// <returns>The reassembly report, the errors of skipped rows and what the normalizer repaired.</returns>
    /// <exception cref="PaperChunksFormatException">An input is malformed (first bad row under fail-fast), or a conflicting repeat under <see cref="DuplicatePolicy.Fail"/>.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or cannot be written.</exception>
    /// <exception cref="ArgumentException">The output is neither JSON Lines nor Parquet.</exception>
    public static async Task<ReassembleReport> ReassembleAsync(
        IReadOnlyList<string> inputs,
        string output,
        ReassembleOptions? options = null,
        IProgress<ConvertProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrEmpty(output);
        options ??= ReassembleOptions.Default;
        var stopwatch = Stopwatch.StartNew();
        var format = (options.To ?? PaperChunksWriter.FormatOf(output)) is { } f && f != OutputFormat.Csv
            ? f
            : throw new ArgumentException($"{output}: expected a .jsonl file (optionally .gz or .zst) or a .parquet file");
        (RecordNormalizer? Normalizer, int? CorpusWords) normalizer = options.Normalize is { } normalize
            ? VocabularyPass.NormalizerFor(inputs, normalize, options.Reader, options.From, progress, cancellationToken)
            : (null, null);
        var reassembly = normalizer.Normalizer is null ? options.Reassembly : options.Reassembly with { ReadThreads = 1 };
        var run = new Run(normalizer.Normalizer, progress, cancellationToken);
        var reassembler = new PaperReassembler(reassembly);
        var readers = inputs.SelectMany(input => PaperChunksReader.OpenChunkParts(input, reassembly.ReadThreads, options.Reader, options.From)).ToList();
        try
        {
            await using var writer = PaperChunksWriter.CreatePapers(output, options.Writer, format);

            // Synchronous on purpose: the reassembly is CPU-bound, and the async read path's thread
            // hops cost more CPU than they free (docs/performance.md, Reassembly).
            try
            {
                foreach (var paper in reassembler.Reassemble(readers.Select(run.Rows).ToList()))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.Write(paper);
                    if (writer.RecordsWritten % ProgressEveryPapers == 0)
                    {
                        run.Report();
                    }
                }
            }
            catch
            {
                // A failed read (fail-fast, cancellation) must not leave the rows so far as the output.
                writer.Abort();
                throw;
            }

            writer.Complete();
            run.Report();
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }

        return new ReassembleReport
        {
            Inputs = inputs,
            Output = output,
            Reassembly = reassembler.Report,
            RunsSpilled = reassembler.RunsSpilled,
            ErrorCount = readers.Sum(r => r.ErrorCount),
            Errors = readers.SelectMany(r => r.Errors).ToList(),
            Normalization = run.Normalization,
            CorpusWords = normalizer.CorpusWords,
            Elapsed = stopwatch.Elapsed,
        };
    }

    /// <summary>The rows of one run: normalized on the way when asked, counted for progress from every reading thread.</summary>
    private sealed class Run(RecordNormalizer? normalizer, IProgress<ConvertProgress>? progress, CancellationToken cancellationToken)
    {
        private long _rows;

        // Normalizing each chunk row before the join, rather than the joined text, keeps the spans exact and
        // names the repaired row (doi#chunk-id) in the report; copies that differed only by extraction damage
        // then count as identical repeats.
        public NormalizationReport? Normalization { get; } = normalizer is null ? null : new NormalizationReport();

        public IEnumerable<ChunkRecord> Rows(RecordReader<ChunkRecord> reader)
        {
            foreach (var record in reader.ReadAll())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (progress is not null)
                {
                    Interlocked.Increment(ref _rows);
                }

                yield return normalizer is null ? record : normalizer.Normalize(record, Normalization);
            }
        }

        public void Report() =>
            progress?.Report(new ConvertProgress(0, 0, Interlocked.Read(ref _rows)) { Phase = ConvertPhase.Reassembling });
    }
}
