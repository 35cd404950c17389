using PaperChunks.Statistics;

namespace PaperChunks.Cli.Reports;

/// <summary>The report of <c>stats</c>: written by a run, read back by <c>stats --merge</c>.</summary>
/// <param name="Files">The inputs, as given.</param>
/// <param name="Shard">The shard handled (<c>K/N</c>), or null for all papers.</param>
/// <param name="Statistics">The corpus statistics.</param>
/// <param name="ErrorCount">How many bad rows were skipped.</param>
/// <param name="Errors">The bad rows.</param>
internal sealed record StatsJson(string[] Files, string? Shard, CorpusStatistics Statistics, long ErrorCount, IReadOnlyList<ErrorJson> Errors);
