using PaperChunks.Formats;
using PaperChunks.Records;

namespace PaperChunks.Conversion;

/// <summary>
/// The first pass of a run with <see cref="ConvertOptions.ScanExtraColumns"/>: reads the inputs' chunk rows once to
/// learn every extra column, so that a CSV header or Parquet schema, written before the second pass's first row,
/// has room for all of them.
/// </summary>
internal static class ExtraColumnPass
{
    private const int ProgressEveryRows = 1024;

    /// <summary>The writer options with the inputs' extra columns learned, when <paramref name="options"/> asks for it.</summary>
    public static WriterOptions WriterFor(
        IReadOnlyList<string> inputs, ConvertOptions options, IProgress<ConvertProgress>? progress, CancellationToken cancellationToken)
    {
        if (!options.ScanExtraColumns)
        {
            return options.Writer;
        }

        // Bad rows are the second pass's to report; every shard learns the whole input's columns, so that N shards
        // write one schema, as the single run does.
        var reader = options.Reader with { ErrorPolicy = ErrorPolicy.SkipAndReport, Shard = null, MaxKeptErrors = 0 };
        return options.Writer with { ExtraColumns = ExtraColumnSet.Learn(Rows(inputs, reader, options.From, progress, cancellationToken)) };
    }

    private static IEnumerable<ChunkRecord> Rows(
        IReadOnlyList<string> inputs, ReaderOptions reader, InputFormat? from, IProgress<ConvertProgress>? progress, CancellationToken cancellationToken)
    {
        var total = inputs.Sum(i => File.Exists(i) ? new FileInfo(i).Length : 0);
        long rows = 0;
        foreach (var input in inputs)
        {
            using var chunks = PaperChunksReader.OpenChunks(input, reader, from);
            foreach (var row in chunks.ReadAll())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++rows % ProgressEveryRows == 0)
                {
                    progress?.Report(new ConvertProgress(0, total, rows) { Phase = ConvertPhase.ScanningColumns });
                }

                yield return row;
            }
        }

        progress?.Report(new ConvertProgress(total, total, rows) { Phase = ConvertPhase.ScanningColumns });
    }
}
