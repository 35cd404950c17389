namespace PaperChunks;

/// <summary>What a reader does with a row it cannot read.</summary>
public enum ErrorPolicy
{
    /// <summary>Throw <see cref="PaperChunksFormatException"/> at the first bad row (the default).</summary>
    FailFast,

    /// <summary>Skip the bad row, keep reading, and record the error in the reader's <c>Errors</c>.</summary>
    SkipAndReport,
}
