using System.Diagnostics.CodeAnalysis;
using Parquet;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The chunk rows of one row group, held column by column in the shape Parquet.Net writes. The per-paper
/// values every chunk repeats are kept once per paper (a row equal to the previous one reuses its strings),
/// so a row group costs about its chunk text in memory, not its full size.
/// </summary>
internal sealed class ChunkColumnBatch : IRowGroupBatch<ChunkRecord>
{
    private readonly TextColumn _doi = Column(0);
    private readonly ColumnBuffer<long> _chunkIds = new();
    private readonly ColumnBuffer<int> _chunkIdLevels = new();
    private readonly TextColumn _chunk = new(ChunkParquetSchema.Leaves[2], copyText: true);
    private readonly TextColumn _id = new(ChunkParquetSchema.Leaves[3], copyText: true);
    private readonly TextColumn _title = Column(4);
    private readonly TextColumn _summary = Column(5);
    private readonly TextColumn _source = Column(6);
    private readonly TextColumn _authors = Column(7);
    private readonly TextColumn _categories = Column(8);
    private readonly TextColumn _comment = Column(9);
    private readonly TextColumn _journalRef = Column(10);
    private readonly TextColumn _primaryCategory = Column(11);
    private readonly TextColumn _published = Column(12);
    private readonly TextColumn _updated = Column(13);
    private readonly TextColumn _references = Column(14);

    // The previous row's per-paper values: equal values on the next row reuse these instances.
    private ChunkRecord? _previous;

    public int RowCount { get; private set; }

    /// <summary>Uncompressed size of the rows added, text counted in UTF-16 code units (≈ UTF-8 bytes for Latin text).</summary>
    public long Bytes { get; private set; }

    public void Add(ChunkRecord row)
    {
        var p = _previous;
        var canonical = p is null ? row : Canonical(row, p);
        _doi.Add(canonical.Doi);
        _chunkIds.Add(row.ChunkId);
        _chunkIdLevels.Add(1);
        _chunk.Add(row.Chunk);
        _id.Add(row.Id);
        _title.Add(canonical.Title);
        _summary.Add(canonical.Summary);
        _source.Add(canonical.Source);
        _authors.AddList(canonical.Authors);
        _categories.AddList(canonical.Categories);
        _comment.Add(canonical.Comment);
        _journalRef.Add(canonical.JournalRef);
        _primaryCategory.Add(canonical.PrimaryCategory);
        _published.Add(canonical.Published);
        _updated.Add(canonical.Updated);
        var references = canonical.References;
        if (references.Count == 0)
        {
            _references.AddEmptyList();
        }

        long referenceBytes = 0;
        for (var i = 0; i < references.Count; i++)
        {
            _references.AddListItem(references[i].Id, i == 0);
            referenceBytes += references[i].Id.Length + 4;
        }

        _previous = canonical;
        RowCount++;
        Bytes += 8 + row.Doi.Length + row.Chunk.Length + row.Id.Length + row.Title.Length + row.Summary.Length
            + row.Source.Length + TotalLength(row.Authors) + TotalLength(row.Categories) + (row.Comment?.Length ?? 0)
            + (row.JournalRef?.Length ?? 0) + row.PrimaryCategory.Length + (row.Published?.Length ?? 0)
            + (row.Updated?.Length ?? 0) + referenceBytes;
    }

    public async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        await _doi.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        await rowGroup.WriteAllPartsAsync(ChunkParquetSchema.Leaves[1], _chunkIds.Memory, _chunkIdLevels.Memory, null, cancellationToken).ConfigureAwait(false);
        foreach (var column in (TextColumn[])[_chunk, _id, _title, _summary, _source, _authors, _categories, _comment, _journalRef, _primaryCategory, _published, _updated, _references])
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

        _chunkIds.Clear();
        _chunkIdLevels.Clear();
        _previous = null;
        RowCount = 0;
        Bytes = 0;
    }

    public void Dispose()
    {
        foreach (var column in Texts())
        {
            column.Dispose();
        }

        _chunkIds.Dispose();
        _chunkIdLevels.Dispose();
    }

    private static TextColumn Column(int leaf) => new(ChunkParquetSchema.Leaves[leaf]);

    private static long TotalLength(IReadOnlyList<string> items)
    {
        long total = 0;
        for (var i = 0; i < items.Count; i++)
        {
            total += items[i].Length + 4;
        }

        return total;
    }

    // A record whose per-paper fields are the previous row's instances wherever the values are equal.
    private static ChunkRecord Canonical(ChunkRecord row, ChunkRecord previous)
    {
        if (!string.Equals(row.Doi, previous.Doi, StringComparison.Ordinal))
        {
            return row;
        }

        // Readers that reuse repeated values hand over the very same instances: nothing to do.
        if (ReferenceEquals(row.Title, previous.Title) && ReferenceEquals(row.Summary, previous.Summary)
            && ReferenceEquals(row.Authors, previous.Authors) && ReferenceEquals(row.References, previous.References))
        {
            return row;
        }

        return row with
        {
            Doi = previous.Doi,
            Title = Same(row.Title, previous.Title),
            Summary = Same(row.Summary, previous.Summary),
            Source = Same(row.Source, previous.Source),
            Authors = SameList(row.Authors, previous.Authors),
            Categories = SameList(row.Categories, previous.Categories),
            Comment = Same(row.Comment, previous.Comment),
            JournalRef = Same(row.JournalRef, previous.JournalRef),
            PrimaryCategory = Same(row.PrimaryCategory, previous.PrimaryCategory),
            Published = Same(row.Published, previous.Published),
            Updated = Same(row.Updated, previous.Updated),
            References = SameReferences(row.References, previous.References),
        };
    }

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Same(string? value, string? previous) =>
        string.Equals(value, previous, StringComparison.Ordinal) ? previous : value;

    private static IReadOnlyList<string> SameList(IReadOnlyList<string> value, IReadOnlyList<string> previous)
    {
        if (ReferenceEquals(value, previous) || value.Count != previous.Count)
        {
            return value;
        }

        for (var i = 0; i < value.Count; i++)
        {
            if (!string.Equals(value[i], previous[i], StringComparison.Ordinal))
            {
                return value;
            }
        }

        return previous;
    }

    private static IReadOnlyList<PaperReference> SameReferences(IReadOnlyList<PaperReference> value, IReadOnlyList<PaperReference> previous)
    {
        if (ReferenceEquals(value, previous) || value.Count != previous.Count)
        {
            return value;
        }

        for (var i = 0; i < value.Count; i++)
        {
            if (!string.Equals(value[i].Id, previous[i].Id, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return previous;
    }

    private TextColumn[] Texts() =>
        [_doi, _chunk, _id, _title, _summary, _source, _authors, _categories, _comment, _journalRef, _primaryCategory, _published, _updated, _references];
}
