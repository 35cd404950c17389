using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace PaperChunks.Cli;

/// <summary>Options that several commands share, spelled once.</summary>
internal static class CommonOptions
{
    public static Option<string> Report()
    {
        var option = new Option<string>("--report")
        {
            Description = "Report format on stdout: text (default) or json (machine-readable).",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static Option<string> OnError()
    {
        var option = new Option<string>("--on-error")
        {
            Description = "Bad rows: fail (stop at the first, default) or skip (skip and report every one).",
            DefaultValueFactory = _ => "fail",
        };
        option.AcceptOnlyFromAmong("fail", "skip");
        return option;
    }

    /// <summary><c>--split NAME</c>: the split to read from inputs that are dataset folders (Hugging Face repository clones).</summary>
    public static Option<string?> Split() => new("--split")
    {
        Description = "For an input that is a dataset folder (a clone of a Hugging Face dataset repository): the split to read, e.g. train. Default: the folder's only split; a folder of several is an error naming them.",
    };

    /// <summary>The split asked for, refused (exit 2) when no input is a dataset folder.</summary>
    public static string? SplitFor(string? split, IEnumerable<string> inputs) =>
        split is null || inputs.Any(Directory.Exists)
            ? split
            : throw new UsageException("--split applies to dataset folders only; no input is a folder");

    /// <summary><c>--shard K/N</c> or <c>env/N</c>: only the papers of one shard (docs/scale-out.md).</summary>
    public static Option<Records.PaperShard?> Shard() => new("--shard")
    {
        Description = "Handle only the papers of shard K of N (K/N, 0 <= K < N; env/N takes K from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID); an output is named by its shard (out-0000K-of-0000N.parquet). N workers together do the whole job.",
        CustomParser = result =>
        {
            try
            {
                return Records.PaperShard.Parse(result.Tokens.Single().Value);
            }
            catch (FormatException e)
            {
                result.AddError($"--shard: {e.Message}");
                return null;
            }
        },
    };

    /// <summary>The output a command writes: named by its shard under <c>--shard</c>.</summary>
    public static string OutputOf(string output, Records.PaperShard? shard) =>
        shard is null ? output : shard.NameOutput(output);

    /// <summary>
    /// A whole-number option: a value that is not a number, or one below <paramref name="minimum"/>, is a usage error
    /// naming the option and the value, in the tool's words rather than the parser's type names or the library's range
    /// check with its parameter name.
    /// </summary>
    public static Option<T?> Count<T>(string name, string description, T minimum, T? byDefault = null)
        where T : struct, INumber<T> =>
        Parsed(
            name,
            description,
            byDefault,
            text => T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : null,
            $"a whole number of at least {minimum}");

    /// <summary>
    /// An option whose value is parsed when the command line is: a value <paramref name="parse"/> refuses (returns null
    /// for) is a usage error <c>NAME VALUE: expected EXPECTED</c>, with exit 2 like any other.
    /// </summary>
    public static Option<T?> Parsed<T>(string name, string description, T? byDefault, Func<string, T?> parse, string expected)
        where T : struct => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => byDefault,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return byDefault;
            }

            var text = result.Tokens[0].Value;
            var value = parse(text);
            if (value is null)
            {
                result.AddError($"{name} {text}: expected {expected}");
            }

            return value;
        },
    };

    /// <summary><c>--error-format text|msbuild</c>, on every command (recursive from the root).</summary>
    public static Option<string> ErrorFormat()
    {
        var option = new Option<string>("--error-format")
        {
            Description = "How errors are printed: text (default) or msbuild (file(line,col): error PC1001: message, which MSBuild, IDEs and CI annotate).",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "msbuild");
        return option;
    }

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "No progress display.",
    };

    public static Argument<string[]> Inputs() => new("inputs")
    {
        Description = "Input files (JSONL plain/.gz/.zst; other formats are detected from content).",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> From()
    {
        var option = new Option<string?>("--from")
        {
            Description = "Take the input as this format instead of detecting it: " + string.Join(", ", Formats.PaperChunksReader.FormatNames) + ".",
        };
        option.AcceptOnlyFromAmong([.. Formats.PaperChunksReader.FormatNames]);
        return option;
    }

    public static Formats.InputFormat? FormatOf(string? from) =>
        from is null ? null : Formats.PaperChunksReader.ParseFormat(from);

    public static ErrorPolicy PolicyOf(string onError) =>
        onError == "skip" ? ErrorPolicy.SkipAndReport : ErrorPolicy.FailFast;
}
