using System.Runtime.InteropServices;

namespace PaperChunks.Reassembly;

/// <summary>
/// The external sort's held rows: serialized bytes in native blocks, outside the GC heap. A managed
/// batch of ~128 MB made the collector run full (gen2) collections over it again and again under the
/// tool's <c>ConserveMemory</c> setting; native blocks leave the managed heap as small as plain reading's.
/// </summary>
internal sealed unsafe class RowArena : IDisposable
{
    private readonly int _blockBytes;
    private readonly List<nint> _blocks = [];
    private readonly List<byte[]> _large = [];
    private int _block;
    private int _used;
    private long _largeBytes;

    public RowArena(int blockBytes) => _blockBytes = blockBytes;

    ~RowArena() => Free();

    /// <summary>Bytes the arena holds for the current batch (whole blocks in use, plus outsized rows).</summary>
    public long BytesHeld => ((long)(_block + 1) * _blockBytes) + _largeBytes;

    public Blob Store(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _blockBytes)
        {
            // A row larger than a block gets an array of its own, numbered -1, -2, …
            _large.Add(bytes.ToArray());
            _largeBytes += bytes.Length;
            return new Blob(-_large.Count, 0, bytes.Length);
        }

        if (_blocks.Count == 0 || _used + bytes.Length > _blockBytes)
        {
            NextBlock();
        }

        bytes.CopyTo(new Span<byte>((byte*)_blocks[_block] + _used, _blockBytes - _used));
        var blob = new Blob(_block, _used, bytes.Length);
        _used += bytes.Length;
        return blob;
    }

    public ReadOnlySpan<byte> Span(Blob blob) => blob.Block >= 0
        ? new ReadOnlySpan<byte>((byte*)_blocks[blob.Block] + blob.Offset, blob.Length)
        : _large[-blob.Block - 1].AsSpan(blob.Offset, blob.Length);

    /// <summary>Forgets every row; the blocks are kept for the next batch.</summary>
    public void Clear()
    {
        _large.Clear();
        _largeBytes = 0;
        _block = 0;
        _used = 0;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void NextBlock()
    {
        if (_blocks.Count > 0)
        {
            _block++;
        }

        if (_block == _blocks.Count)
        {
            _blocks.Add((nint)NativeMemory.Alloc((nuint)_blockBytes));
        }

        _used = 0;
    }

    private void Free()
    {
        foreach (var block in _blocks)
        {
            NativeMemory.Free((void*)block);
        }

        _blocks.Clear();
    }

    /// <summary>A stored byte range: block (negative for a row of its own), offset, length.</summary>
    internal readonly record struct Blob(int Block, int Offset, int Length);
}
