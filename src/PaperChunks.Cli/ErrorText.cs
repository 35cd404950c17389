using PaperChunks.Records;

namespace PaperChunks.Cli;

/// <summary>How the tool words the library's errors: the same facts, with the tool's own flags where the library names its options.</summary>
internal static class ErrorText
{
    /// <summary>Why an existing output was refused, naming the flag that allows it (the library names <c>WriterOptions.Overwrite</c>).</summary>
    public const string OutputExists = "the output exists; pass --overwrite to replace it";

    /// <summary>The reason of an output error as the tool prints it.</summary>
    public static string ReasonOf(PaperChunksOutputException e) => e.OutputExists ? OutputExists : e.Reason;

    /// <summary>The whole message of a library error as the tool prints it.</summary>
    public static string Of(PaperChunksException e) => e is PaperChunksOutputException o ? $"{MessageText.Escape(o.Path)}: {ReasonOf(o)}" : e.Message;
}
