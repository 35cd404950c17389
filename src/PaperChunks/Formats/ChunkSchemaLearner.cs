using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// Learns a text file's <see cref="ChunkSchema"/> from its cells, for readers that see one row at a time (CSV):
/// the first cell that shows a variable column's type fixes it, and a later cell of the other type is the file
/// mixing variants. An ambiguous cell (an empty list) fixes nothing. The first row with an <c>id</c> tells the id rule.
/// </summary>
internal sealed class ChunkSchemaLearner(ChunkLayout layout = ChunkLayout.Chunked)
{
    private ChunkColumnType? _chunkId;
    private ChunkColumnType? _authors;
    private ChunkColumnType? _categories;
    private ChunkColumnType? _references;
    private bool _idFormKnown;

    /// <summary>The schema learnt so far; a new instance only when something is learnt, so rows share it.</summary>
    public ChunkSchema Schema { get; private set; } = layout == ChunkLayout.Chunked ? ChunkSchema.Canonical : ChunkSchema.Canonical with { Layout = layout };

    /// <summary>The type this file stores <paramref name="column"/> with, or <see langword="null"/> while no cell has shown it.</summary>
    public ChunkColumnType? Known(ChunkFields column) => Slot(column);

    /// <summary>Records that a cell of <paramref name="column"/> holds <paramref name="found"/>.</summary>
    /// <returns><see langword="null"/>, or the reason when the rows before stored the column otherwise.</returns>
    public string? See(ChunkFields column, ChunkColumnType found)
    {
        ref var known = ref Slot(column);
        if (known == found)
        {
            return null;
        }

        if (known is { } established)
        {
            return ChunkColumnTypes.Mixed(established, found);
        }

        known = found;
        Schema = Schema with
        {
            ChunkId = _chunkId ?? ChunkColumnType.Number,
            Authors = _authors ?? ChunkColumnType.StringList,
            Categories = _categories ?? ChunkColumnType.StringList,
            References = _references ?? ChunkColumnType.IdStructList,
        };
        return null;
    }

    /// <summary>The first row's <c>id</c> tells the file's id rule (doi#chunk-id, or the doi alone).</summary>
    public void SeeId(string id, string doi)
    {
        if (_idFormKnown)
        {
            return;
        }

        _idFormKnown = true;
        if (string.Equals(id, doi, StringComparison.Ordinal))
        {
            Schema = Schema with { IdForm = RowIdForm.Doi };
        }
    }

    private ref ChunkColumnType? Slot(ChunkFields column)
    {
        switch (column)
        {
            case ChunkFields.ChunkId: return ref _chunkId;
            case ChunkFields.Authors: return ref _authors;
            case ChunkFields.Categories: return ref _categories;
            case ChunkFields.References: return ref _references;
            default: throw new ArgumentOutOfRangeException(nameof(column), column, "not a column whose type varies");
        }
    }
}
