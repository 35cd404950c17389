using System.Globalization;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Writes paper summaries (ShortScience entries) as CSV: the <see cref="PaperSummaryColumns"/> in canonical
/// order, <c>authors</c> and <c>keywords</c> as JSON lists, <c>year</c> as digits, <c>first_published</c> as
/// <c>YYYY-MM-DD</c>; a missing year, date, <c>listed_via</c> or <c>abstract</c> is an empty cell.
/// <see cref="CsvPaperSummaryReader"/> reads back the same records.
/// </summary>
internal sealed class CsvPaperSummaryWriter : CsvRecordWriter<PaperSummaryRecord>
{
    /// <summary>Writes to a file through a temporary file beside it; <c>.gz</c> / <c>.zst</c> compress.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public CsvPaperSummaryWriter(string path, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
        : base(path, csvOptions, options)
    {
    }

    /// <summary>Writes to a stream, which stays open; compression only if the options ask for it.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public CsvPaperSummaryWriter(Stream stream, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
        : base(stream, csvOptions, options)
    {
    }

    private protected override IReadOnlyList<string> HeaderFor(PaperSummaryRecord? first) => PaperSummaryColumns.All;

    private protected override void WriteCells(PaperSummaryRecord record)
    {
        Text(record.Title);
        Csv.WriteField(CsvCells.Strings(Json, record.Authors));
        Text(record.AuthorsText);
        Text(record.Venue);
        Text(record.Year?.ToString(CultureInfo.InvariantCulture));
        Text(record.ListedVia);
        Csv.WriteField(CsvCells.Strings(Json, record.Keywords));
        Text(record.FirstPublished?.ToString(CsvPaperSummaryReader.DateFormat, CultureInfo.InvariantCulture));
        Text(record.Abstract);
        Text(record.Summary);
    }
}
