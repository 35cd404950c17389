namespace PaperChunks.Cli.Reports;

/// <summary>One kept example of a normalizer fix.</summary>
/// <param name="Record">The record's id.</param>
/// <param name="Field">The field, by its on-disk name.</param>
/// <param name="Kind">The repair kind's name.</param>
/// <param name="Offset">Where in the original text the fix starts.</param>
/// <param name="Before">The damaged text.</param>
/// <param name="After">The repair.</param>
internal sealed record FixJson(string Record, string Field, string Kind, int Offset, string Before, string After);
