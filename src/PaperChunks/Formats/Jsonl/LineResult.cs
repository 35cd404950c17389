namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// What one line came to, worked out without touching the reader's state so that it can be done on any
/// thread: a record, a row error (with its character column), a row of another shard, or nothing (blank).
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Record">The parsed record, if the line holds one of this reader's shard.</param>
/// <param name="Bucket">The row's paper bucket when read before parsing (under a shard), else null.</param>
/// <param name="Error">The row's problem, if it is bad.</param>
/// <param name="Column">The 1-based character column of the problem.</param>
/// <param name="ErrorPastEnd">Whether the problem lies at or past the end of the line (a cut row).</param>
/// <param name="IsTooLong">Whether the line was over the row limit.</param>
internal readonly record struct LineResult<T>(
    T? Record, int? Bucket, JsonRowException? Error, long Column, bool ErrorPastEnd, bool IsTooLong)
    where T : class
{
    /// <summary>A line over the row limit.</summary>
    public static LineResult<T> TooLong => new(null, null, null, 0, false, true);
}
