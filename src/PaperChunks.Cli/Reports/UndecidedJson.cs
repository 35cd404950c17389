namespace PaperChunks.Cli.Reports;

/// <summary>One kept sequence the normalizer left alone because it could not decide.</summary>
/// <param name="Record">The record's id.</param>
/// <param name="Field">The field, by its on-disk name.</param>
/// <param name="Kind">The repair kind it looked like.</param>
/// <param name="Offset">Where in the text it starts.</param>
/// <param name="Text">The sequence.</param>
/// <param name="Reason">Why it was left alone.</param>
internal sealed record UndecidedJson(string Record, string Field, string Kind, int Offset, string Text, string Reason);
