namespace PaperChunks.Statistics;

/// <summary>The chunk ids seen for one paper: a bit per id (ids are small and dense), a set for outliers.</summary>
internal sealed class PaperTally
{
    private const long DenseLimit = 1 << 20;
    private ulong[] _bits = new ulong[2];
    private HashSet<long>? _sparse;
    private List<long>? _duplicates;
    private long _maxId = -1;
    private long _minId = long.MaxValue;

    public long Distinct { get; private set; }

    public long DuplicateCount => _duplicates?.Count ?? 0;

    public void Add(long id)
    {
        if (!TrySet(id))
        {
            (_duplicates ??= []).Add(id);
            return;
        }

        Distinct++;
        _maxId = Math.Max(_maxId, id);
        _minId = Math.Min(_minId, id);
    }

    /// <summary>The lowest chunk id seen (a paper whose first chunk is not 0 is cut at the start).</summary>
    public long MinId => _minId;

    /// <summary>Ids missing between the lowest and the highest id seen.</summary>
    public List<long> MissingIds()
    {
        var missing = new List<long>();
        var upTo = Math.Min(_maxId, DenseLimit - 1);
        for (var id = Math.Max(_minId, 0); id <= upTo; id++)
        {
            if (!IsSet(id))
            {
                missing.Add(id);
            }
        }

        return missing;
    }

    public List<long> DuplicateIds() => _duplicates is null ? [] : [.. _duplicates.Distinct().Order()];

    private bool TrySet(long id)
    {
        if (id is < 0 or >= DenseLimit)
        {
            return (_sparse ??= []).Add(id);
        }

        var word = (int)(id >> 6);
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        var mask = 1UL << (int)(id & 63);
        if ((_bits[word] & mask) != 0)
        {
            return false;
        }

        _bits[word] |= mask;
        return true;
    }

    private bool IsSet(long id)
    {
        var word = (int)(id >> 6);
        return word < _bits.Length && (_bits[word] & (1UL << (int)(id & 63))) != 0;
    }
}
