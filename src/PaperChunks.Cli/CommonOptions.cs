using System.CommandLine;

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
