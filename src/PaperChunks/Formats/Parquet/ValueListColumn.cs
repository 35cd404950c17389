using Parquet;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// One optional list leaf of numbers (<c>list&lt;int64&gt;</c>, <c>list&lt;double&gt;</c>) for a row group being built:
/// values packed, with definition and repetition levels.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ValueListColumn<T>(DataField field) : IDisposable
    where T : struct
{
    private readonly ColumnBuffer<T> _values = new();
    private readonly ColumnBuffer<int> _definitions = new();
    private readonly ColumnBuffer<int> _repetitions = new();

    /// <summary>A row's list; <see langword="null"/> writes a null list.</summary>
    public void AddList<TItem>(IReadOnlyList<TItem>? items, Func<TItem, T> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        if (items is null || items.Count == 0)
        {
            // An optional top-level list: 0 is a null list, 1 an empty one.
            _definitions.Add(items is null ? 0 : 1);
            _repetitions.Add(0);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            _values.Add(convert(items[i]));
            _definitions.Add(field.MaxDefinitionLevel);
            _repetitions.Add(i == 0 ? 0 : 1);
        }
    }

    public Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAllPartsAsync(field, _values.Memory, _definitions.Memory, _repetitions.Memory, cancellationToken);

    public void Clear()
    {
        _values.Clear();
        _definitions.Clear();
        _repetitions.Clear();
    }

    public void Dispose()
    {
        _values.Dispose();
        _definitions.Dispose();
        _repetitions.Dispose();
    }
}
