namespace PaperChunks.Cli.Reports;

/// <summary>The report of <c>validate</c>.</summary>
/// <param name="Files">The inputs, as given.</param>
/// <param name="Shard">The shard handled (<c>K/N</c>), or null for all papers.</param>
/// <param name="Rows">The rows read.</param>
/// <param name="Valid">Whether no problem was found.</param>
/// <param name="Problems">Every problem, by file and line.</param>
internal sealed record ValidateJson(string[] Files, string? Shard, long Rows, bool Valid, IReadOnlyList<ErrorJson> Problems);
