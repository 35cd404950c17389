using System.CommandLine;
using System.Globalization;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Text;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks normalize IN -o OUT</c>: repairs PDF-extraction damage in the text fields of any input
/// (format and record kind detected), writes JSONL, and reports every repair kind with examples and the
/// undecided cases.
/// </summary>
internal static class NormalizeCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "Input file in any format paperchunks reads (format and record kind are detected)." };
        var output = new Option<string>("--output", "-o") { Description = "Output JSONL file; .gz or .zst compresses.", Required = true };
        var fields = new Option<string[]>("--field")
        {
            Description = "A string field to normalize, by its on-disk name; repeat for several. Default: chunk, title, summary (SciTLDR: source, target, title; ShortScience: title, abstract, summary).",
        };
        var from = CommonOptions.From();
        var markers = new Option<bool>("--scitldr-markers") { Description = "Also remove SciTLDR markers (BID6, FIG0, TAB2) and their residue ((; ;))." };
        var noVocabulary = new Option<bool>("--no-corpus-vocabulary") { Description = "Do not read the input twice to learn its own words first." };
        var report = CommonOptions.Report();
        var onError = CommonOptions.OnError();
        var command = new Command("normalize", "Repair PDF-extraction damage (mojibake, ligatures, spacing diacritics, line-break hyphens, invisible characters) in text fields and report what changed.")
        {
            input, output, fields, from, markers, noVocabulary, report, onError,
        };
        command.SetAction((parse, ct) => RunAsync(console, new Request(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(fields) ?? [], CommonOptions.FormatOf(parse.GetValue(from)),
            parse.GetValue(markers), !parse.GetValue(noVocabulary), parse.GetValue(report)!,
            CommonOptions.PolicyOf(parse.GetValue(onError)!)), ct));
        return command;
    }

    private sealed record Request(
        string Input, string Output, string[] Fields, InputFormat? From, bool Markers, bool LearnVocabulary, string Report, ErrorPolicy Policy);

    private static async Task<int> RunAsync(CliConsole console, Request request, CancellationToken ct)
    {
        var readerOptions = new ReaderOptions { ErrorPolicy = request.Policy };
        var detected = PaperChunksReader.Detect(request.Input, request.From, readerOptions);
        var format = detected.Format;
        var options = TextNormalizerOptions.Default with { RemoveSciTldrMarkers = request.Markers };
        var normalizer = request.LearnVocabulary
            ? await RecordNormalizer.ForCorpusAsync([request.Input], options, request.Fields, readerOptions, format, ct).ConfigureAwait(false)
            : new RecordNormalizer(new TextNormalizer(options), request.Fields);
        var vocabulary = normalizer.Normalizer.Vocabulary;
        var summary = new NormalizationReport();
        var errors = detected.Kind switch
        {
            RecordKind.Summarization => await CopyAsync(PaperChunksReader.OpenSummarization(request.Input, readerOptions, format), new JsonlSummarizationWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false),
            RecordKind.PaperSummary => await CopyAsync(PaperChunksReader.OpenPaperSummaries(request.Input, readerOptions, format), new JsonlPaperSummaryWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false),
            RecordKind.Generic => await CopyAsync(PaperChunksReader.OpenGeneric(request.Input, readerOptions, format), new JsonlGenericWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false),
            _ => await CopyAsync(PaperChunksReader.OpenChunks(request.Input, readerOptions, format), new JsonlChunkWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false),
        };

        if (request.Report == "json")
            await JsonReport.WriteAsync(console.Out, JsonOf(request, detected, vocabulary, summary, errors.Count, errors.List)).ConfigureAwait(false);
        else
            await WriteTextAsync(console, summary, errors.List).ConfigureAwait(false);
        return errors.Count > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    private static async Task<(long Count, IReadOnlyList<PaperChunksFormatException> List)> CopyAsync<T>(
        RecordReader<T> reader, RecordWriter<T> writer, Func<T, T> normalize, CancellationToken ct)
        where T : class
    {
        await using (reader.ConfigureAwait(false))
        await using (writer.ConfigureAwait(false))
        {
            try
            {
                await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
                    await writer.WriteAsync(normalize(record), ct).ConfigureAwait(false);
            }
            catch
            {
                // A failed read (fail-fast, cancellation) must not leave the rows so far as the output.
                writer.Abort();
                throw;
            }

            await writer.CompleteAsync(ct).ConfigureAwait(false);
            return (reader.ErrorCount, reader.Errors);
        }
    }

    private static object JsonOf(Request request, DetectedFormat detected, CorpusVocabulary? vocabulary, NormalizationReport r, long errorCount, IReadOnlyList<PaperChunksFormatException> errors) => new
    {
        input = request.Input,
        format = detected.Name,
        kind = detected.KindName,
        output = request.Output,
        records = r.Records,
        texts = r.Texts,
        changed_texts = r.ChangedTexts,
        corpus_words = vocabulary?.WordCount,
        fixes = NormalizationOutput.Fixes(r),
        examples = NormalizationOutput.Examples(r),
        undecided_count = r.UndecidedCount,
        undecided = NormalizationOutput.Undecided(r),
        error_count = errorCount,
        errors = errors.Select(JsonReport.Error),
    };

    private static async Task WriteTextAsync(CliConsole console, NormalizationReport r, IReadOnlyList<PaperChunksFormatException> errors)
    {
        var c = CultureInfo.InvariantCulture;
        await console.Out.WriteLineAsync(string.Create(c, $"records             {r.Records:N0}")).ConfigureAwait(false);
        await NormalizationOutput.WriteTextAsync(console.Out, r).ConfigureAwait(false);
        foreach (var error in errors)
            await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
    }
}
