using System.Buffers;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Consecutive lines of a JSON Lines input copied out of the line buffer, so that they can be parsed on
/// another thread while the next lines are read; the results stay in line order.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class LineBlock<T> : IDisposable
    where T : class
{
    /// <summary>A block is closed once it holds this many bytes of lines (or one longer line).</summary>
    public const int TargetBytes = 1 << 20;

    private const int MaxLines = 8192;

    private readonly List<(int Start, int Length, long Number)> _lines = [];
    // Room for a full block plus one more line of up to the same size, so that a typical block never grows:
    // a grown buffer past the pool's sizes would be a fresh large-object allocation for every block.
    private byte[] _data = ArrayPool<byte>.Shared.Rent(2 * TargetBytes);
    private int _used;

    /// <summary>The last paper's bucket, remembered within this block (a block is parsed by one thread at a time).</summary>
    public RecentBucket Buckets { get; } = new();

    /// <summary>The lines held (over-long lines included, without their bytes).</summary>
    public int Count => _lines.Count;

    /// <summary>Whether another line may be added.</summary>
    public bool HasRoom => _used < TargetBytes && _lines.Count < MaxLines;

    /// <summary>Whether the block's last line ended at the end of the input without a line break.</summary>
    public bool EndsUnterminated { get; set; }

    /// <summary>The results, one per line, once <see cref="Parse"/> has run.</summary>
    public LineResult<T>[] Results { get; private set; } = [];

    /// <summary>The <see cref="JsonLineParser{T}.Learned"/> count of the parser the block was forked from.</summary>
    public int SeedLearned { get; set; }

    /// <summary>The parser used for this block on another thread, if any.</summary>
    public JsonLineParser<T>? Fork { get; set; }

    /// <summary>The 1-based line number (within the input read) of line <paramref name="index"/>.</summary>
    public long LineNumber(int index) => _lines[index].Number;

    /// <summary>Adds a line; <paramref name="tooLong"/> marks a line over the row limit, kept only by number.</summary>
    public void Add(ReadOnlySpan<byte> line, long number, bool tooLong)
    {
        if (tooLong)
        {
            _lines.Add((-1, 0, number));
            return;
        }

        if (_used + line.Length > _data.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_data.Length * 2, _used + line.Length));
            _data.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_data);
            _data = larger;
        }

        line.CopyTo(_data.AsSpan(_used));
        _lines.Add((_used, line.Length, number));
        _used += line.Length;
    }

    /// <summary>Runs <paramref name="evaluate"/> over every line that is not over-long, in order.</summary>
    public LineBlock<T> Parse(Func<LineBlock<T>, int, LineResult<T>> evaluate)
    {
        var results = new LineResult<T>[_lines.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = _lines[i].Start < 0 ? LineResult<T>.TooLong : evaluate(this, i);
        }

        Results = results;
        return this;
    }

    /// <summary>The bytes of line <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Line(int index) => _data.AsSpan(_lines[index].Start, _lines[index].Length);

    /// <inheritdoc/>
    public void Dispose()
    {
        var data = _data;
        _data = [];
        Results = [];
        if (data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }
}
