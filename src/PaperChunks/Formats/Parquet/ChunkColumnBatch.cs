using System.Diagnostics.CodeAnalysis;
using Parquet;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The chunk rows of one row group, held column by column in the shape Parquet.Net writes. The per-paper
/// values every chunk repeats are kept once per paper (a row equal to the previous one reuses its strings),
/// so a row group costs about its chunk text in memory, not its full size.
/// </summary>
internal sealed class ChunkColumnBatch(ChunkParquetLayout layout) : IRowGroupBatch<ChunkRecord>
{
    private readonly ColumnBuffer<long> _chunkIds = new();
    private readonly ColumnBuffer<int> _chunkIdLevels = new();

    // Made on the first row, once the file's column types are known (see ChunkParquetLayout).
    private TextColumn[]? _texts;
    private TextColumn? _chunkIdText;
    private ChunkSchema? _schema;
    private bool _semantic;
    private string?[]? _extraCells;
    private int _firstExtra;

    // The previous row's per-paper values: equal values on the next row reuse these instances.
    private ChunkRecord? _previous;
    private IReadOnlyList<string>? _joinedAuthorsOf;
    private string? _joinedAuthors;
    private IReadOnlyList<string>? _joinedCategoriesOf;
    private string? _joinedCategories;

    public int RowCount { get; private set; }

    /// <summary>Uncompressed size of the rows added, text counted in UTF-16 code units (≈ UTF-8 bytes for Latin text).</summary>
    public long Bytes { get; private set; }

    public void Add(ChunkRecord row)
    {
        if (!ReferenceEquals(row.Schema, _schema))
        {
            layout.Take(row);
            _schema = row.Schema;
        }

        layout.FirstRow(row);
        var extras = layout.Extras;
        if (extras.Count > 0 || row.ExtraFields.Count > 0)
        {
            // Checked before any column takes the row, so that a refused row leaves the batch as it was.
            layout.ExtraCells(row, _extraCells ??= new string?[extras.Count]);
        }

        var texts = _texts ?? Bind();
        AddExtras(texts);
        if (_semantic)
        {
            AddSemantic(row, texts);
            return;
        }

        var p = _previous;
        var canonical = p is null ? row : Canonical(row, p);
        var fileSchema = layout.Schema;
        texts[Doi].Add(canonical.Doi);
        if (_chunkIdText is { } digits)
        {
            digits.Add(row.ChunkId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            _chunkIds.Add(row.ChunkId);
            _chunkIdLevels.Add(1);
        }

        texts[Chunk].Add(row.Chunk);
        texts[Id].Add(row.Id);
        texts[Title].Add(canonical.Title);
        texts[Summary].Add(canonical.Summary);
        texts[Source].Add(canonical.Source);
        if (fileSchema.Authors == ChunkColumnType.CommaSeparatedString)
        {
            texts[Authors].Add(Joined(canonical.Authors, ref _joinedAuthorsOf, ref _joinedAuthors));
        }
        else
        {
            texts[Authors].AddList(canonical.Authors);
        }

        if (fileSchema.Categories == ChunkColumnType.CommaSeparatedString)
        {
            texts[Categories].Add(Joined(canonical.Categories, ref _joinedCategoriesOf, ref _joinedCategories));
        }
        else
        {
            texts[Categories].AddList(canonical.Categories);
        }

        texts[Comment].Add(canonical.Comment);
        texts[JournalRef].Add(canonical.JournalRef);
        texts[PrimaryCategory].Add(canonical.PrimaryCategory);
        texts[Published].Add(canonical.Published);
        texts[Updated].Add(canonical.Updated);
        var references = canonical.References;
        if (references.Count == 0)
        {
            texts[References].AddEmptyList();
        }

        long referenceBytes = 0;
        for (var i = 0; i < references.Count; i++)
        {
            texts[References].AddListItem(references[i].Id, i == 0);
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
        var texts = _texts ?? Bind();
        using var rowGroup = writer.CreateRowGroup();
        foreach (var column in texts)
        {
            if (column.Field.Name == ChunkColumns.ChunkId && _chunkIdText is null && !_semantic)
            {
                continue;
            }

            if (ReferenceEquals(column, texts[Chunk]) && !_semantic)
            {
                // chunk-id comes between doi and chunk in the schema, so in the row group.
                await WriteChunkIdAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        rowGroup.CompleteValidate();
    }

    public void Clear()
    {
        foreach (var column in _texts ?? [])
        {
            column.Clear();
        }

        _chunkIds.Clear();
        _chunkIdLevels.Clear();
        _previous = null;
        _joinedAuthorsOf = _joinedCategoriesOf = null;
        RowCount = 0;
        Bytes = 0;
    }

    public void Dispose()
    {
        foreach (var column in _texts ?? [])
        {
            column.Dispose();
        }

        _chunkIds.Dispose();
        _chunkIdLevels.Dispose();
    }

    // Leaf positions in the schema; chunk-id (1) is a text column only when the source stores it as digits.
    private const int Doi = 0, Chunk = 2, Id = 3, Title = 4, Summary = 5, Source = 6, Authors = 7, Categories = 8,
        Comment = 9, JournalRef = 10, PrimaryCategory = 11, Published = 12, Updated = 13, References = 14;

    private TextColumn[] Bind()
    {
        var leaves = layout.Leaves;
        var texts = new TextColumn[leaves.Length];
        for (var i = 0; i < leaves.Length; i++)
        {
            texts[i] = new TextColumn(leaves[i], copyText: i is Chunk or Id);
        }

        _semantic = layout.Schema.Layout == ChunkLayout.SemanticChunks;
        _firstExtra = leaves.Length - layout.Extras.Count;
        _chunkIdText = layout.Schema.ChunkId == ChunkColumnType.DigitString && !_semantic ? texts[1] : null;
        return _texts = texts;
    }

    // The extra columns come last in the schema; their values were taken from the row before any column was.
    private void AddExtras(TextColumn[] texts)
    {
        if (_extraCells is not { Length: > 0 } cells)
        {
            return;
        }

        for (var i = 0; i < cells.Length; i++)
        {
            texts[_firstExtra + i].Add(cells[i]);
            Bytes += cells[i]?.Length ?? 0;
        }
    }

    // The semantic-chunks columns in their order: id, title, content, prechunk_id, postchunk_id, arxiv_id, references.
    private void AddSemantic(ChunkRecord row, TextColumn[] texts)
    {
        var title = _previous is { } p && string.Equals(p.Title, row.Title, StringComparison.Ordinal) ? p.Title : row.Title;
        texts[0].Add(row.Id);
        texts[1].Add(title);
        texts[2].Add(row.Chunk);
        texts[3].Add(SemanticChunkLinks.Of(row, SemanticChunkColumns.PrechunkId));
        texts[4].Add(SemanticChunkLinks.Of(row, SemanticChunkColumns.PostchunkId));
        texts[5].Add(row.Doi);
        var references = row.References;
        if (references.Count == 0)
        {
            texts[6].AddEmptyList();
        }

        for (var i = 0; i < references.Count; i++)
        {
            texts[6].AddListItem(references[i].Id, i == 0);
        }

        _previous = row;
        RowCount++;
        Bytes += row.Id.Length * 3 + row.Title.Length + row.Chunk.Length + row.Doi.Length + (references.Count * 14);
    }

    private Task WriteChunkIdAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        _chunkIdText is not null
            ? Task.CompletedTask
            : rowGroup.WriteAllPartsAsync(layout.Leaves[1], _chunkIds.Memory, _chunkIdLevels.Memory, null, cancellationToken);

    // Rows of one paper share one list instance (see Canonical), so the joined string is made once per paper.
    private static string Joined(IReadOnlyList<string> items, ref IReadOnlyList<string>? of, ref string? joined)
    {
        if (!ReferenceEquals(items, of))
        {
            of = items;
            joined = JoinedList.Join(items);
        }

        return joined!;
    }

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
}
