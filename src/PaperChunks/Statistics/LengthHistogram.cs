namespace PaperChunks.Statistics;

/// <summary>
/// Exact quantiles of lengths in constant memory: one counter per length up to 64 Ki, the rare longer
/// values kept individually. Chunk texts are a few thousand characters, so this is exact in practice.
/// </summary>
internal sealed class LengthHistogram
{
    private const int Exact = 1 << 16;
    private readonly long[] _counts = new long[Exact];
    private readonly List<long> _long = [];
    private long _count;
    private double _sum;
    private long _min = long.MaxValue;
    private long _max;

    public void Add(long value) => Add(value, 1);

    // The sum of whole numbers stays exact in a double below 2^53, so adding a value n times at once gives the
    // same mean as adding it n times one by one: a merged report equals the single run's.
    public void Add(long value, long times)
    {
        _count += times;
        _sum += (double)value * times;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        if (value is >= 0 and < Exact)
        {
            _counts[value] += times;
        }
        else
        {
            for (var i = 0L; i < times; i++)
            {
                _long.Add(value);
            }
        }
    }

    /// <summary>How many times each value was added, by ascending value.</summary>
    public IReadOnlyDictionary<long, long> Counts()
    {
        var counts = new Dictionary<long, long>();
        foreach (var group in _long.Where(v => v < 0).Order().GroupBy(v => v))
        {
            counts.Add(group.Key, group.LongCount());
        }

        for (var value = 0; value < Exact; value++)
        {
            if (_counts[value] > 0)
            {
                counts.Add(value, _counts[value]);
            }
        }

        foreach (var group in _long.Where(v => v >= Exact).Order().GroupBy(v => v))
        {
            counts.Add(group.Key, group.LongCount());
        }

        return counts;
    }

    public Distribution Summarize() => _count == 0
        ? Distribution.Empty
        : new Distribution(_count, _min, Rank((_count + 1) / 2), _sum / _count, Rank((long)Math.Ceiling(0.95 * _count)), _max);

    // Value of the 1-based rank-th smallest element.
    private long Rank(long rank)
    {
        var seen = 0L;
        var negatives = _long.Where(v => v < 0).Order().ToList();
        foreach (var v in negatives)
        {
            if (++seen == rank)
            {
                return v;
            }
        }

        for (var length = 0; length < Exact; length++)
        {
            seen += _counts[length];
            if (seen >= rank)
            {
                return length;
            }
        }

        foreach (var v in _long.Where(v => v >= Exact).Order())
        {
            if (++seen == rank)
            {
                return v;
            }
        }

        return _max;
    }
}
