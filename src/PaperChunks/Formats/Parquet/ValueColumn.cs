using Parquet;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>One optional scalar leaf of numbers for a row group being built: non-null values packed, with definition levels.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ValueColumn<T>(DataField field) : IDisposable
    where T : struct
{
    private readonly ColumnBuffer<T> _values = new();
    private readonly ColumnBuffer<int> _definitions = new();

    public void Add(T? value)
    {
        if (value is { } present)
        {
            _values.Add(present);
            _definitions.Add(1);
        }
        else
        {
            _definitions.Add(0);
        }
    }

    public Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAllPartsAsync(field, _values.Memory, _definitions.Memory, null, cancellationToken);

    public void Clear()
    {
        _values.Clear();
        _definitions.Clear();
    }

    public void Dispose()
    {
        _values.Dispose();
        _definitions.Dispose();
    }
}
