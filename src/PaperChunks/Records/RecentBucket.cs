namespace PaperChunks.Records;

/// <summary>
/// The bucket of the paper last looked up, kept so that the next row of the same paper costs a byte
/// comparison instead of an MD5: a corpus lists a paper's chunks together (the 1 GB benchmark corpus is
/// 290,000 rows in 4,116 runs), and the MD5 call through the platform's crypto library was a fifth of a
/// skipping shard's CPU. A shuffled corpus only loses the cache, never a correct bucket.
/// </summary>
internal sealed class RecentBucket
{
    private const int MaxCachedKeyBytes = 1024;

    private readonly byte[] _key = new byte[MaxCachedKeyBytes];
    private int _keyLength = -1;
    private string? _keyString;
    private int _count;
    private int _bucket;

    /// <summary>The bucket of a doi given as UTF-8 bytes, as <see cref="PaperShard.BucketOf(string, int)"/> computes it.</summary>
    public int OfUtf8(ReadOnlySpan<byte> doi, int count)
    {
        if (count == _count && _keyLength >= 0 && doi.SequenceEqual(_key.AsSpan(0, _keyLength)))
        {
            return _bucket;
        }

        var bucket = PaperShard.BucketOfUtf8(doi, count);
        Remember(count, bucket);
        if (doi.Length <= MaxCachedKeyBytes)
        {
            doi.CopyTo(_key);
            _keyLength = doi.Length;
        }

        return bucket;
    }

    /// <summary>The bucket of a doi, as <see cref="PaperShard.BucketOf(string, int)"/> computes it.</summary>
    public int Of(string doi, int count)
    {
        if (count == _count && string.Equals(doi, _keyString, StringComparison.Ordinal))
        {
            return _bucket;
        }

        var bucket = PaperShard.BucketOf(doi, count);
        Remember(count, bucket);
        _keyString = doi;
        return bucket;
    }

    // One key at a time: a new paper forgets both forms of the old one.
    private void Remember(int count, int bucket)
    {
        _count = count;
        _bucket = bucket;
        _keyLength = -1;
        _keyString = null;
    }
}
