namespace PaperChunks.Records;

/// <summary>One rule a record breaks, found by <see cref="RecordValidator"/>.</summary>
/// <param name="Field">The on-disk field name involved.</param>
/// <param name="Message">What is wrong and what was expected, e.g. <c>expected "1703.04933#40" (doi#chunk-id), found "1703.04933#41"</c>.</param>
public sealed record RecordViolation(string Field, string Message)
{
    /// <summary><c>field "x": message</c>.</summary>
    public override string ToString() => $"field \"{Field}\": {Message}";
}
