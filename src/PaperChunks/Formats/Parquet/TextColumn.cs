using Parquet;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// One optional string leaf of a row group being built, in Parquet's own shape: the non-null values packed,
/// plus definition levels (and repetition levels for a list), ready for
/// <see cref="ParquetRowGroupWriter.WriteAllPartsAsync{T}"/> without another copy.
/// </summary>
internal sealed class TextColumn(DataField field, bool copyText = false) : IDisposable
{
    private readonly CharArena? _arena = copyText ? new() : null;
    private readonly ColumnBuffer<ReadOnlyMemory<char>> _values = new();
    private readonly ColumnBuffer<int> _definitions = new();
    private readonly ColumnBuffer<int>? _repetitions = field.MaxRepetitionLevel > 0 ? new() : null;
    private readonly int _maxDefinition = field.MaxDefinitionLevel;

    public DataField Field { get; } = field;

    /// <summary>A scalar value, or a null.</summary>
    public void Add(string? value)
    {
        if (value is null)
        {
            _definitions.Add(0);
        }
        else
        {
            _values.Add(_arena is null ? value.AsMemory() : _arena.Copy(value));
            _definitions.Add(_maxDefinition);
        }
    }

    /// <summary>A whole list of strings as one row; an empty list is written as empty, not null.</summary>
    public void AddList(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            AddEmptyList();
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            AddListItem(items[i], i == 0);
        }
    }

    /// <summary>An empty list as one row.</summary>
    public void AddEmptyList()
    {
        // An optional top-level list is defined at level 1: 0 would be a null list.
        _definitions.Add(1);
        _repetitions!.Add(0);
    }

    /// <summary>One element of a list; <paramref name="first"/> starts the row.</summary>
    public void AddListItem(string value, bool first)
    {
        _values.Add(value.AsMemory());
        _definitions.Add(_maxDefinition);
        _repetitions!.Add(first ? 0 : 1);
    }

    public Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAllPartsAsync(Field, _values.Memory, _definitions.Memory, _repetitions?.Memory, cancellationToken);

    public void Clear()
    {
        _arena?.Clear();
        _values.Clear();
        _definitions.Clear();
        _repetitions?.Clear();
    }

    public void Dispose()
    {
        _arena?.Dispose();
        _values.Dispose();
        _definitions.Dispose();
        _repetitions?.Dispose();
    }
}
