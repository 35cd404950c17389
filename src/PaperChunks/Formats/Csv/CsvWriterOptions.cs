namespace PaperChunks.Formats.Csv;

/// <summary>
/// How CSV is written, beyond <see cref="WriterOptions"/>. Immutable; derive a variant with a <c>with</c>
/// expression.
/// </summary>
public sealed record CsvWriterOptions
{
    /// <summary>The defaults: comma-separated, LF line ends, no formula escaping.</summary>
    public static CsvWriterOptions Default { get; } = new();

    /// <summary>
    /// Guard against spreadsheet formula injection: a text cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, tab or CR gets a leading <c>'</c>, which spreadsheets read as "this cell is text". Off by
    /// default because it changes the data (a chunk starting <c>-0.5</c> reads back as <c>'-0.5</c>); turn it
    /// on for files that people will open in a spreadsheet.
    /// </summary>
    public bool EscapeFormulas { get; init; }
}
