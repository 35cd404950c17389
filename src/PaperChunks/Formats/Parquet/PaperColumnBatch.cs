using Parquet;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>The reassembled papers of one row group, column by column.</summary>
internal sealed class PaperColumnBatch : IRowGroupBatch<PaperRecord>
{
    private readonly TextColumn _doi = Column(0);
    private readonly TextColumn _title = Column(1);
    private readonly TextColumn _summary = Column(2);
    private readonly TextColumn _source = Column(3);
    private readonly TextColumn _authors = Column(4);
    private readonly TextColumn _categories = Column(5);
    private readonly TextColumn _comment = Column(6);
    private readonly TextColumn _journalRef = Column(7);
    private readonly TextColumn _primaryCategory = Column(8);
    private readonly TextColumn _published = Column(9);
    private readonly TextColumn _updated = Column(10);
    private readonly TextColumn _references = Column(11);
    private readonly TextColumn _text = Column(12);
    private readonly ValueColumn<long> _chunkCount = new(PaperParquetSchema.Leaves[13]);
    private readonly ValueListColumn<long> _missing = new(PaperParquetSchema.Leaves[14]);
    private readonly ValueListColumn<long> _duplicates = new(PaperParquetSchema.Leaves[15]);
    private readonly ValueListColumn<long> _spanChunkIds = new(PaperParquetSchema.Leaves[16]);
    private readonly ValueListColumn<long> _spanStarts = new(PaperParquetSchema.Leaves[17]);
    private readonly ValueListColumn<long> _spanLengths = new(PaperParquetSchema.Leaves[18]);

    public int RowCount { get; private set; }

    /// <summary>Uncompressed size of the papers added, text counted in UTF-16 code units.</summary>
    public long Bytes { get; private set; }

    public void Add(PaperRecord row)
    {
        _doi.Add(row.Doi);
        _title.Add(row.Title);
        _summary.Add(row.Summary);
        _source.Add(row.Source);
        _authors.AddList(row.Authors);
        _categories.AddList(row.Categories);
        _comment.Add(row.Comment);
        _journalRef.Add(row.JournalRef);
        _primaryCategory.Add(row.PrimaryCategory);
        _published.Add(row.Published);
        _updated.Add(row.Updated);
        if (row.References.Count == 0)
        {
            _references.AddEmptyList();
        }

        for (var i = 0; i < row.References.Count; i++)
        {
            _references.AddListItem(row.References[i].Id, i == 0);
        }

        _text.Add(row.Text);
        _chunkCount.Add(row.ChunkCount);
        _missing.AddList(row.MissingChunkIds, id => id);
        _duplicates.AddList(row.DuplicateChunkIds, id => id);
        _spanChunkIds.AddList(row.Spans, s => s.ChunkId);
        _spanStarts.AddList(row.Spans, s => (long)s.Start);
        _spanLengths.AddList(row.Spans, s => (long)s.Length);
        RowCount++;
        Bytes += row.Doi.Length + row.Title.Length + row.Summary.Length + row.Source.Length + row.Text.Length
            + 8L * (1 + row.MissingChunkIds.Count + row.DuplicateChunkIds.Count + 3 * row.Spans.Count)
            + 16L * (row.Authors.Count + row.Categories.Count + row.References.Count) + 64;
    }

    public async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        foreach (var column in Texts())
        {
            await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        await _chunkCount.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        foreach (var column in Lists())
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

        foreach (var column in Lists())
        {
            column.Clear();
        }

        _chunkCount.Clear();
        RowCount = 0;
        Bytes = 0;
    }

    public void Dispose()
    {
        foreach (var column in Texts())
        {
            column.Dispose();
        }

        foreach (var column in Lists())
        {
            column.Dispose();
        }

        _chunkCount.Dispose();
    }

    private static TextColumn Column(int leaf) => new(PaperParquetSchema.Leaves[leaf]);

    // Schema order: these precede chunk_count, the lists follow it.
    private TextColumn[] Texts() =>
        [_doi, _title, _summary, _source, _authors, _categories, _comment, _journalRef, _primaryCategory, _published, _updated, _references, _text];

    private ValueListColumn<long>[] Lists() => [_missing, _duplicates, _spanChunkIds, _spanStarts, _spanLengths];
}
