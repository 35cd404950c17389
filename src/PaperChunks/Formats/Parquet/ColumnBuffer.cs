using System.Buffers;
using System.Runtime.CompilerServices;

namespace PaperChunks.Formats.Parquet;

/// <summary>A growable array rented from the shared pool: one column's values or levels for a row group.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ColumnBuffer<T> : IDisposable
{
    private T[] _items = ArrayPool<T>.Shared.Rent(1024);

    public int Count { get; private set; }

    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = item;
    }

    /// <summary>Forgets the values but keeps the array, clearing references so no string outlives its row group.</summary>
    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, 0, Count);
        }

        Count = 0;
    }

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }

        _items = [];
        Count = 0;
    }

    private void Grow()
    {
        var bigger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
        Array.Copy(_items, bigger, Count);
        ArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        _items = bigger;
    }
}
