using System.CommandLine;
using System.Globalization;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Text;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks normalize IN -o OUT</c>: repairs PDF-extraction damage in the text fields of a JSONL file
/// of chunk or summarization records and reports every repair kind, with examples and the undecided cases.
/// </summary>
internal static class NormalizeCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "Input JSONL file (plain, .gz or .zst)." };
        var output = new Option<string>("--output", "-o") { Description = "Output JSONL file; .gz or .zst compresses.", Required = true };
        var fields = new Option<string[]>("--field")
        {
            Description = "A string field to normalize, by its on-disk name; repeat for several. Default: chunk, title, summary (summarization records: source, target, title).",
            AllowMultipleArgumentsPerToken = false,
        };
        var type = new Option<string>("--type")
        {
            Description = "Record type: chunk (default) or summarization (SciTLDR).",
            DefaultValueFactory = _ => "chunk",
        };
        type.AcceptOnlyFromAmong("chunk", "summarization");
        var markers = new Option<bool>("--scitldr-markers") { Description = "Also remove SciTLDR markers (BID6, FIG0, TAB2) and their residue ((; ;))." };
        var noVocabulary = new Option<bool>("--no-corpus-vocabulary") { Description = "Do not read the input twice to learn its own words first." };
        var report = CommonOptions.Report();
        var onError = CommonOptions.OnError();
        var command = new Command("normalize", "Repair PDF-extraction damage (mojibake, ligatures, spacing diacritics, line-break hyphens, invisible characters) and report what changed.")
        {
            input, output, fields, type, markers, noVocabulary, report, onError,
        };
        command.SetAction((parse, ct) => RunAsync(console, new Request(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(fields) ?? [], parse.GetValue(type)!,
            parse.GetValue(markers), !parse.GetValue(noVocabulary), parse.GetValue(report)!,
            CommonOptions.PolicyOf(parse.GetValue(onError)!)), ct));
        return command;
    }

    private sealed record Request(
        string Input, string Output, string[] Fields, string Type, bool Markers, bool LearnVocabulary, string Report, ErrorPolicy Policy);

    private static async Task<int> RunAsync(CliConsole console, Request request, CancellationToken ct)
    {
        var options = TextNormalizerOptions.Default with { RemoveSciTldrMarkers = request.Markers };
        var readerOptions = new ReaderOptions { ErrorPolicy = request.Policy };
        var fieldReader = new RecordNormalizer(new TextNormalizer(options), request.Fields);
        var vocabulary = request.LearnVocabulary ? await LearnAsync(request, fieldReader, readerOptions, ct).ConfigureAwait(false) : null;
        var normalizer = new RecordNormalizer(new TextNormalizer(options, vocabulary), request.Fields);
        var summary = new NormalizationReport();
        long errorCount;
        IReadOnlyList<PaperChunksFormatException> errors;
        if (request.Type == "summarization")
        {
            await using var reader = new JsonlSummarizationReader(request.Input, readerOptions);
            await using var writer = new JsonlSummarizationWriter(request.Output);
            await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
                await writer.WriteAsync(normalizer.Normalize(record, summary), ct).ConfigureAwait(false);
            await writer.CompleteAsync(ct).ConfigureAwait(false);
            (errorCount, errors) = (reader.ErrorCount, reader.Errors);
        }
        else
        {
            await using var reader = new JsonlChunkReader(request.Input, readerOptions);
            await using var writer = new JsonlChunkWriter(request.Output);
            await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
                await writer.WriteAsync(normalizer.Normalize(record, summary), ct).ConfigureAwait(false);
            await writer.CompleteAsync(ct).ConfigureAwait(false);
            (errorCount, errors) = (reader.ErrorCount, reader.Errors);
        }

        if (request.Report == "json")
            await JsonReport.WriteAsync(console.Out, JsonOf(request, vocabulary, summary, errorCount, errors)).ConfigureAwait(false);
        else
            await WriteTextAsync(console, summary, errors).ConfigureAwait(false);
        return errorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
    }

    private static async Task<CorpusVocabulary> LearnAsync(Request request, RecordNormalizer fields, ReaderOptions options, CancellationToken ct)
    {
        var texts = new List<string>();
        if (request.Type == "summarization")
        {
            await using var reader = new JsonlSummarizationReader(request.Input, options);
            await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
                texts.AddRange(fields.TextsOf(record));
        }
        else
        {
            await using var reader = new JsonlChunkReader(request.Input, options);
            await foreach (var record in reader.ReadAllAsync(ct).ConfigureAwait(false))
                texts.AddRange(fields.TextsOf(record));
        }
        return CorpusVocabulary.FromTexts(texts);
    }

    private static object JsonOf(Request request, CorpusVocabulary? vocabulary, NormalizationReport r, long errorCount, IReadOnlyList<PaperChunksFormatException> errors) => new
    {
        input = request.Input,
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
