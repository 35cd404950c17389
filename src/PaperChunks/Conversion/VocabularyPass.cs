using PaperChunks.Formats;
using PaperChunks.Text;

namespace PaperChunks.Conversion;

/// <summary>
/// The first pass of a normalizing run: reads the inputs once to learn their <see cref="CorpusVocabulary"/>
/// from the fields the normalizer will repair. File reading lives here, not in <c>Text/</c>, which only
/// learns from the texts it is given.
/// </summary>
internal static class VocabularyPass
{
    private const int ProgressEveryRows = 1024;

    /// <summary>The normalizer <paramref name="options"/> asks for, with the inputs' vocabulary learned first when it says so.</summary>
    public static (RecordNormalizer Normalizer, int? CorpusWords) NormalizerFor(
        IReadOnlyList<string> inputs, NormalizeOptions options, ReaderOptions reader, InputFormat? from,
        IProgress<ConvertProgress>? progress, CancellationToken cancellationToken)
    {
        var chooser = new RecordNormalizer(new TextNormalizer(options.Text), options.Fields);
        if (!options.LearnCorpusVocabulary)
        {
            return (chooser, null);
        }

        // Every shard learns the words of the whole corpus, so that N shards repair text as one run does.
        var vocabulary = CorpusVocabulary.FromTexts(Texts(inputs, chooser, reader with { Shard = null }, from, progress, cancellationToken));
        return (new RecordNormalizer(new TextNormalizer(options.Text, vocabulary), options.Fields), vocabulary.WordCount);
    }

    /// <summary>The chosen texts of every record, read record by record: a corpus' texts are never all held at once.</summary>
    public static IEnumerable<string> Texts(
        IReadOnlyList<string> inputs, RecordNormalizer fields, ReaderOptions reader, InputFormat? from,
        IProgress<ConvertProgress>? progress, CancellationToken cancellationToken)
    {
        var total = inputs.Sum(SizeOf);
        long done = 0, rows = 0;
        foreach (var input in inputs)
        {
            var detected = PaperChunksReader.Detect(input, reader, from);
            var texts = detected.Kind switch
            {
                RecordKind.Summarization => Read(PaperChunksReader.OpenSummarization(input, reader, detected.Format), fields.TextsOf),
                RecordKind.PaperSummary => Read(PaperChunksReader.OpenPaperSummaries(input, reader, detected.Format), fields.TextsOf),
                RecordKind.Generic => Read(PaperChunksReader.OpenGeneric(input, reader, detected.Format), fields.TextsOf),
                _ => Read(PaperChunksReader.OpenChunks(input, reader, detected.Format), fields.TextsOf),
            };
            foreach (var record in texts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++rows % ProgressEveryRows == 0)
                {
                    progress?.Report(new ConvertProgress(done, total, rows) { Phase = ConvertPhase.LearningVocabulary });
                }

                foreach (var text in record)
                {
                    yield return text;
                }
            }

            done += SizeOf(input);
        }

        progress?.Report(new ConvertProgress(total, total, rows) { Phase = ConvertPhase.LearningVocabulary });
    }

    private static IEnumerable<IReadOnlyList<string>> Read<T>(RecordReader<T> reader, Func<T, IReadOnlyList<string>> texts)
        where T : class
    {
        using (reader)
        {
            foreach (var record in reader.ReadAll())
            {
                yield return texts(record);
            }
        }
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
