using System.Globalization;
using Parquet;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>The paper-summary rows of one row group, column by column.</summary>
internal sealed class PaperSummaryColumnBatch : IRowGroupBatch<PaperSummaryRecord>
{
    private readonly TextColumn _title = new(PaperSummaryParquetSchema.Leaves[0]);
    private readonly TextColumn _authors = new(PaperSummaryParquetSchema.Leaves[1]);
    private readonly TextColumn _authorsText = new(PaperSummaryParquetSchema.Leaves[2]);
    private readonly TextColumn _venue = new(PaperSummaryParquetSchema.Leaves[3]);
    private readonly ValueColumn<int> _year = new(PaperSummaryParquetSchema.Leaves[4]);
    private readonly TextColumn _listedVia = new(PaperSummaryParquetSchema.Leaves[5]);
    private readonly TextColumn _keywords = new(PaperSummaryParquetSchema.Leaves[6]);
    private readonly TextColumn _firstPublished = new(PaperSummaryParquetSchema.Leaves[7]);
    private readonly TextColumn _abstract = new(PaperSummaryParquetSchema.Leaves[8]);
    private readonly TextColumn _summary = new(PaperSummaryParquetSchema.Leaves[9]);

    public int RowCount { get; private set; }

    public long Bytes { get; private set; }

    public void Add(PaperSummaryRecord row)
    {
        _title.Add(row.Title);
        _authors.AddList(row.Authors);
        _authorsText.Add(row.AuthorsText);
        _venue.Add(row.Venue);
        _year.Add(row.Year);
        _listedVia.Add(row.ListedVia);
        _keywords.AddList(row.Keywords);
        _firstPublished.Add(row.FirstPublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _abstract.Add(row.Abstract);
        _summary.Add(row.Summary);
        RowCount++;
        Bytes += row.Title.Length + row.AuthorsText.Length * 2L + row.Venue.Length + (row.Abstract?.Length ?? 0) + row.Summary.Length + 32;
    }

    public async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        foreach (var column in (TextColumn[])[_title, _authors, _authorsText, _venue])
        {
            await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        await _year.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        foreach (var column in (TextColumn[])[_listedVia, _keywords, _firstPublished, _abstract, _summary])
        {
            await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        rowGroup.CompleteValidate();
    }

    public void Clear()
    {
        foreach (var column in Texts())
        {
            column.Clear();
        }

        _year.Clear();
        RowCount = 0;
        Bytes = 0;
    }

    public void Dispose()
    {
        foreach (var column in Texts())
        {
            column.Dispose();
        }

        _year.Dispose();
    }

    private TextColumn[] Texts() => [_title, _authors, _authorsText, _venue, _listedVia, _keywords, _firstPublished, _abstract, _summary];
}
