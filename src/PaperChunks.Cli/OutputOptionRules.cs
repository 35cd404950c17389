using System.CommandLine;
using PaperChunks.Formats;

namespace PaperChunks.Cli;

/// <summary>
/// Refuses output options that the chosen output format would ignore (<c>--partition-by</c> with CSV) and an
/// output name that contradicts <c>--to</c> (<c>--to csv -o x.parquet</c>): an ignored option is a silent
/// surprise, so it is a usage error naming the option and the format.
/// </summary>
internal static class OutputOptionRules
{
    /// <summary>The format the output will have, after checking that its name agrees with <paramref name="to"/>.</summary>
    /// <param name="output">The output path as given.</param>
    /// <param name="to">The <c>--to</c> value, or null.</param>
    /// <param name="isDataset">Whether sharding or partitioning asks for a Parquet folder.</param>
    /// <exception cref="UsageException">The name says one format and <c>--to</c> another.</exception>
    public static OutputFormat? FormatOf(string output, OutputFormat? to, bool isDataset)
    {
        var named = PaperChunksWriter.FormatOf(output);
        if (to is { } asked && named is { } fromName && asked != fromName)
        {
            throw new UsageException(
                $"--to {asked.ToString().ToLowerInvariant()} contradicts the output name \"{output}\", which is {Name(fromName)}; name it {Extension(asked)} or leave out --to");
        }

        return to ?? named ?? (isDataset ? OutputFormat.Parquet : null);
    }

    /// <summary>Refuses each option given on the command line that does not apply to <paramref name="format"/>.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="format">The output format.</param>
    /// <param name="parquetOnly">Options that only Parquet output takes.</param>
    /// <param name="csvOnly">Options that only CSV output takes.</param>
    /// <exception cref="UsageException">An option was given that the format ignores.</exception>
    public static void RefuseInapplicable(ParseResult parse, OutputFormat format, IEnumerable<Option> parquetOnly, IEnumerable<Option> csvOnly)
    {
        var refused = (format == OutputFormat.Parquet ? [] : parquetOnly.Where(o => Given(parse, o)).Select(o => (o.Name, "Parquet")))
            .Concat(format == OutputFormat.Csv ? [] : csvOnly.Where(o => Given(parse, o)).Select(o => (o.Name, "CSV")))
            .FirstOrDefault();
        if (refused.Name is not null)
        {
            throw new UsageException($"{refused.Name} applies to {refused.Item2} output only; this output is {Name(format)}");
        }
    }

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static string Name(OutputFormat format) => format switch
    {
        OutputFormat.Csv => "CSV",
        OutputFormat.Parquet => "Parquet",
        _ => "JSON Lines",
    };

    private static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.Csv => ".csv",
        OutputFormat.Parquet => ".parquet",
        _ => ".jsonl",
    };
}
