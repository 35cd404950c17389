using System.CommandLine;
using System.Globalization;
using PaperChunks.Cli.Reports;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Text;

namespace PaperChunks.Cli.Commands;

/// <summary>
/// <c>paperchunks normalize IN -o OUT</c>: repairs PDF-extraction damage in the text fields of any input
/// (format and record kind detected) into the same record kind and shape, and reports every repair kind with
/// examples and the undecided cases. The pipeline is <see cref="PaperChunksConverter"/> with
/// <see cref="ConvertOptions.Normalize"/>; this command parses and prints.
/// </summary>
internal static class NormalizeCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "Input file in any format paperchunks reads (format and record kind are detected)." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output file in the input's record kind and shape: .jsonl (.gz or .zst compresses), .parquet, or .csv for chunk rows; any other name is JSON Lines.",
            Required = true,
        };
        var fields = new Option<string[]>("--field")
        {
            Description = "A string field to normalize, by its on-disk name; repeat for several. Default: chunk, title, summary (SciTLDR: source, target, title; ShortScience: title, abstract, summary).",
        };
        var from = CommonOptions.From();
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output (otherwise it is an error and stays untouched)." };
        var markers = new Option<bool>("--scitldr-markers") { Description = "Also remove SciTLDR markers (BID6, FIG0, TAB2) and their residue ((; ;))." };
        var noVocabulary = new Option<bool>("--no-corpus-vocabulary") { Description = "Do not read the input twice to learn its own words first." };
        var report = CommonOptions.Report();
        var onError = CommonOptions.OnError();
        var shard = CommonOptions.Shard();
        var command = new Command("normalize", "Repair PDF-extraction damage (mojibake, ligatures, spacing diacritics, line-break hyphens, invisible characters) in text fields and report what changed.")
        {
            input, output, fields, from, overwrite, markers, noVocabulary, report, onError, shard,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = CommonOptions.OutputOf(parse.GetValue(output)!, parse.GetValue(shard));
            if (parse.GetValue(fields) is { Length: > 0 } named)
            {
                var detected = PaperChunksReader.Detect(parse.GetValue(input)!, null, CommonOptions.FormatOf(parse.GetValue(from)));
                NormalizedFields.Check(named, detected.Kind, detected.KindName);
            }

            var options = new ConvertOptions
            {
                To = PaperChunksWriter.FormatOf(path) ?? OutputFormat.Jsonl,
                From = CommonOptions.FormatOf(parse.GetValue(from)),
                Reader = new ReaderOptions { ErrorPolicy = CommonOptions.PolicyOf(parse.GetValue(onError)!), Shard = parse.GetValue(shard) },
                Writer = new WriterOptions { Overwrite = parse.GetValue(overwrite) },
                Normalize = new NormalizeOptions
                {
                    Text = TextNormalizerOptions.Default with { RemoveSciTldrMarkers = parse.GetValue(markers) },
                    Fields = parse.GetValue(fields) ?? [],
                    LearnCorpusVocabulary = !parse.GetValue(noVocabulary),
                },
            };
            ConvertReport result;
            try
            {
                result = await PaperChunksConverter.ConvertAsync([parse.GetValue(input)!], path, options, null, ct).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw UsageException.From(e);
            }

            if (parse.GetValue(report) == "json")
                await JsonReport.WriteAsync(console.Out, JsonOf(result)).ConfigureAwait(false);
            else
                await WriteTextAsync(console, result).ConfigureAwait(false);
            return result.ErrorCount > 0 ? ExitCodes.DataErrors : ExitCodes.Clean;
        });
        return command;
    }

    private static NormalizeJson JsonOf(ConvertReport result)
    {
        var r = result.Normalization!;
        return new NormalizeJson(
            result.Inputs[0], result.Input?.Name, result.Input?.KindName, result.Output,
            r.Records, r.Texts, r.ChangedTexts, result.CorpusWords,
            NormalizationOutput.Fixes(r), NormalizationOutput.Examples(r), r.UndecidedCount, NormalizationOutput.Undecided(r),
            result.ErrorCount, [.. result.Errors.Select(ErrorJson.Of)]);
    }

    private static async Task WriteTextAsync(CliConsole console, ConvertReport result)
    {
        var r = result.Normalization!;
        var c = CultureInfo.InvariantCulture;
        await console.Out.WriteLineAsync(string.Create(c, $"records             {r.Records:N0}")).ConfigureAwait(false);
        await NormalizationOutput.WriteTextAsync(console.Out, r).ConfigureAwait(false);
        foreach (var error in result.Errors)
            await console.Error.WriteLineAsync(ErrorText.Row(console.ErrorFormat, error)).ConfigureAwait(false);
    }
}
