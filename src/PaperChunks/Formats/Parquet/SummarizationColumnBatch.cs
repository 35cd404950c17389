using Parquet;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>The summarization rows of one row group, column by column.</summary>
internal sealed class SummarizationColumnBatch : IRowGroupBatch<SummarizationRecord>
{
    private readonly SummarizationShape _shape;
    private readonly TextColumn _source;
    private readonly ValueListColumn<long> _labels;
    private readonly ValueListColumn<double> _rouge;
    private readonly TextColumn _paperId;
    private readonly TextColumn _title;
    private readonly TextColumn _target;

    public SummarizationColumnBatch(SummarizationShape shape)
    {
        _shape = shape;
        var leaves = SummarizationParquetSchema.For(shape).GetDataFields();
        _source = new TextColumn(leaves[0]);
        _labels = new ValueListColumn<long>(leaves[1]);
        _rouge = new ValueListColumn<double>(leaves[2]);
        _paperId = new TextColumn(leaves[3]);
        _title = new TextColumn(leaves[4]);
        _target = new TextColumn(leaves[5]);
    }

    public int RowCount { get; private set; }

    public long Bytes { get; private set; }

    public void Add(SummarizationRecord row)
    {
        if (_shape == SummarizationShape.Flattened)
        {
            _source.Add(row.SourceText);
            _target.Add(row.TargetText);
        }
        else
        {
            _source.AddList(row.Source);
            _target.AddList(row.Target);
        }

        _labels.AddList(row.SourceLabels, label => (long)label);
        _rouge.AddList(row.RougeScores, score => score);
        _paperId.Add(row.PaperId);
        _title.Add(row.Title);
        RowCount++;
        Bytes += row.PaperId.Length + (row.Title?.Length ?? 0) + (row.SourceLabels.Count * 8L) + ((row.RougeScores?.Count ?? 0) * 8L)
            + TextLength(row.Source) + TextLength(row.Target);
    }

    public async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        await _source.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        await _labels.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        await _rouge.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        await _paperId.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        await _title.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        await _target.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        rowGroup.CompleteValidate();
    }

    public void Clear()
    {
        _source.Clear();
        _labels.Clear();
        _rouge.Clear();
        _paperId.Clear();
        _title.Clear();
        _target.Clear();
        RowCount = 0;
        Bytes = 0;
    }

    public void Dispose()
    {
        _source.Dispose();
        _labels.Dispose();
        _rouge.Dispose();
        _paperId.Dispose();
        _title.Dispose();
        _target.Dispose();
    }

    private static long TextLength(IReadOnlyList<string> items)
    {
        long total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            total += items[i].Length + 4;
        }

        return total;
    }
}
