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
        var collector = new RecordNormalizer(new TextNormalizer(options), request.Fields);
        var summary = new NormalizationReport();
        RecordNormalizer normalizer;
        (long Count, IReadOnlyList<PaperChunksFormatException> List) errors;
        CorpusVocabulary? vocabulary;
        switch (detected.Kind)
        {
            case RecordKind.Summarization:
                vocabulary = await LearnAsync(request, () => PaperChunksReader.OpenSummarization(request.Input, readerOptions, format), collector.TextsOf, ct).ConfigureAwait(false);
                normalizer = new RecordNormalizer(new TextNormalizer(options, vocabulary), request.Fields);
                errors = await CopyAsync(PaperChunksReader.OpenSummarization(request.Input, readerOptions, format), new JsonlSummarizationWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false);
                break;
            case RecordKind.PaperSummary:
                vocabulary = await LearnAsync(request, () => PaperChunksReader.OpenPaperSummaries(request.Input, readerOptions, format), collector.TextsOf, ct).ConfigureAwait(false);
                normalizer = new RecordNormalizer(new TextNormalizer(options, vocabulary), request.Fields);
                errors = await CopyAsync(PaperChunksReader.OpenPaperSummaries(request.Input, readerOptions, format), new JsonlPaperSummaryWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false);
                break;
            case RecordKind.Generic:
                vocabulary = await LearnAsync(request, () => PaperChunksReader.OpenGeneric(request.Input, readerOptions, format), collector.TextsOf, ct).ConfigureAwait(false);
                normalizer = new RecordNormalizer(new TextNormalizer(options, vocabulary), request.Fields);
                errors = await CopyAsync(PaperChunksReader.OpenGeneric(request.Input, readerOptions, format), new JsonlGenericWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false);
                break;
            default:
                vocabulary = await LearnAsync(request, () => PaperChunksReader.OpenChunks(request.Input, readerOptions, format), collector.TextsOf, ct).ConfigureAwait(false);
                normalizer = new RecordNormalizer(new TextNormalizer(options, vocabulary), request.Fields);
                errors = await CopyAsync(PaperChunksReader.OpenChunks(request.Input, readerOptions, format), new JsonlChunkWriter(request.Output), r => normalizer.Normalize(r, summary), ct).ConfigureAwait(false);
                break;
        }

        if (request.Report == "json")
            await JsonReport.WriteAsync(console.Out, JsonOf(request, detected, vocabulary, summary, errors.Count, errors.List)).ConfigureAwait(false);
        else
            await WriteTextAsync(console, summary, errors.List).ConfigureAwait(false);
        return errors.Count > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    private static async Task<CorpusVocabulary?> LearnAsync<T>(Request request, Func<RecordReader<T>> open, Func<T, IReadOnlyList<string>> texts, CancellationToken ct)
        where T : class
    {
        if (!request.LearnVocabulary)
            return null;
        var all = new List<string>();
        await using var reader = open();
        await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
            all.AddRange(texts(record));
        return CorpusVocabulary.FromTexts(all);
    }

    private static async Task<(long, IReadOnlyList<PaperChunksFormatException>)> CopyAsync<T>(
        RecordReader<T> reader, RecordWriter<T> writer, Func<T, T> normalize, CancellationToken ct)
        where T : class
    {
        await using (reader.ConfigureAwait(false))
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
                await writer.WriteAsync(normalize(record), ct).ConfigureAwait(false);
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
        fixes = Enum.GetValues<RepairKind>().ToDictionary(k => k.ToString(), r.FixesOf),
        examples = r.Examples.Select(e => new { record = e.RecordId, field = e.Field, kind = e.Fix.Kind.ToString(), offset = e.Fix.Offset, before = e.Fix.Before, after = e.Fix.After }),
        undecided_count = r.UndecidedCount,
        undecided = r.Undecided.Select(u => new { record = u.RecordId, field = u.Field, kind = u.Sequence.Kind.ToString(), offset = u.Sequence.Offset, text = u.Sequence.Text, reason = u.Sequence.Reason }),
        error_count = errorCount,
        errors = errors.Select(JsonReport.Error),
    };

    private static async Task WriteTextAsync(CliConsole console, NormalizationReport r, IReadOnlyList<PaperChunksFormatException> errors)
    {
        var c = CultureInfo.InvariantCulture;
        await console.Out.WriteLineAsync(string.Create(c, $"records             {r.Records:N0}")).ConfigureAwait(false);
        await console.Out.WriteLineAsync(string.Create(c, $"texts changed       {r.ChangedTexts:N0} of {r.Texts:N0}")).ConfigureAwait(false);
        foreach (var kind in Enum.GetValues<RepairKind>())
            await console.Out.WriteLineAsync(string.Create(c, $"{kind,-20}{r.FixesOf(kind):N0}")).ConfigureAwait(false);
        await console.Out.WriteLineAsync(string.Create(c, $"undecided           {r.UndecidedCount:N0}")).ConfigureAwait(false);
        foreach (var error in errors)
            await console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
    }
}
