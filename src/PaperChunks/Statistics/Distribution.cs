namespace PaperChunks.Statistics;

/// <summary>Summary of a set of whole numbers: count, extremes, mean and exact quantiles.</summary>
/// <param name="Count">How many values.</param>
/// <param name="Min">Smallest value (0 when empty).</param>
/// <param name="Median">Median (lower middle for an even count).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="P95">95th percentile (nearest rank).</param>
/// <param name="Max">Largest value.</param>
public sealed record Distribution(long Count, long Min, long Median, double Mean, long P95, long Max)
{
    /// <summary>The summary of no values.</summary>
    public static Distribution Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
