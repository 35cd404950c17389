namespace PaperChunks.Cli.Reports;

/// <summary>One file as <c>detect</c> found it.</summary>
/// <param name="File">The path as given.</param>
/// <param name="Format">The format's name, e.g. <c>jsonl.zst</c>.</param>
/// <param name="Kind">The record kind's name, e.g. <c>chunk</c>.</param>
internal sealed record DetectedFileJson(string File, string Format, string Kind);
