using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaperChunks.Records;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a corpus, split by paper: shard <see cref="Index"/> holds
/// the papers whose <see cref="BucketOf(string, int)">bucket</see> is <see cref="Index"/>. N workers, each
/// given one shard of the same inputs, together see every paper exactly once, each paper whole.
/// </summary>
/// <remarks>
/// The bucket is <c>the first 4 bytes of MD5(UTF-8 bytes of the doi), read as a big-endian unsigned
/// 32-bit integer, modulo N</c>: computable in SQL and Python alike (docs/scale-out.md), the same on every
/// platform, and fixed for good (a changed function would move papers between shards of existing outputs).
/// </remarks>
public sealed record PaperShard
{
    /// <summary>The environment variables a batch scheduler sets to a worker's index, in the order they are tried.</summary>
    public static IReadOnlyList<string> IndexVariables { get; } = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"];

    /// <summary>Creates shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <param name="index">The bucket this shard holds, 0 to <paramref name="count"/> − 1.</param>
    /// <param name="count">How many shards (buckets) the corpus is split into, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or the index is outside 0 to count − 1.</exception>
    public PaperShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>The bucket this shard holds.</summary>
    public int Index { get; }

    /// <summary>How many shards the corpus is split into.</summary>
    public int Count { get; }

    /// <summary>
    /// The bucket of a paper: the first 4 bytes of MD5 of the doi's UTF-8 bytes (exactly as stored, no
    /// trimming or case folding), as a big-endian unsigned integer, modulo <paramref name="count"/>.
    /// </summary>
    /// <param name="doi">The paper's doi (for SciTLDR rows, the paper id).</param>
    /// <param name="count">How many buckets, at least 1.</param>
    /// <returns>A bucket from 0 to <paramref name="count"/> − 1.</returns>
    public static int BucketOf(string doi, int count)
    {
        ArgumentNullException.ThrowIfNull(doi);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var length = Encoding.UTF8.GetMaxByteCount(doi.Length);
        byte[]? rented = null;
        var bytes = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return BucketOfUtf8(bytes[..Encoding.UTF8.GetBytes(doi, bytes)], count);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Parses <c>K/N</c> (shard K of N), or <c>env/N</c>, which takes K from the first of
    /// <see cref="IndexVariables"/> that is set (a Kubernetes Indexed Job, a Slurm job array).
    /// </summary>
    /// <param name="text">The shard as written on the command line.</param>
    /// <param name="environment">Reads an environment variable; <see langword="null"/> for the process' own.</param>
    /// <exception cref="FormatException">The text is not of that form, the index is out of range, or no variable is set.</exception>
    public static PaperShard Parse(string text, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryNumber(text[(slash + 1)..], out var count) || count < 1)
        {
            throw new FormatException($"expected K/N (this worker's shard K of N, 0 <= K < N) or env/N, found \"{text}\"");
        }

        var index = text[..slash] == "env" ? IndexFromEnvironment(count, environment ?? Environment.GetEnvironmentVariable)
            : TryNumber(text[..slash], out var k) ? k
            : throw new FormatException($"expected K/N (this worker's shard K of N, 0 <= K < N) or env/N, found \"{text}\"");
        return index < count
            ? new PaperShard(index, count)
            : throw new FormatException($"shard {index} of {count}: the index must be below the count (shards are numbered 0 to {count - 1})");
    }

    /// <summary>Whether this shard holds the paper.</summary>
    /// <param name="doi">The paper's doi.</param>
    public bool Contains(string doi) => BucketOf(doi, Count) == Index;

    /// <summary>
    /// This shard's name for an output: <c>-KKKKK-of-NNNNN</c> before the file's extensions
    /// (<c>papers.jsonl.zst</c> → <c>papers-00002-of-00008.jsonl.zst</c>; a folder <c>out</c> →
    /// <c>out-00002-of-00008</c>), so that N workers given one output name never write the same file, and a
    /// rerun of one shard replaces only its own output.
    /// </summary>
    /// <param name="path">The output as named for the whole job.</param>
    public string NameOutput(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var trimmed = Path.TrimEndingDirectorySeparator(path);
        var name = Path.GetFileName(trimmed);
        var dot = name.LastIndexOf('.');
        if (dot > 0 && name[dot..] is ".gz" or ".zst" && name.LastIndexOf('.', dot - 1) is var inner and > 0)
        {
            dot = inner;
        }

        var stem = dot > 0 ? name[..dot] : name;
        var extensions = dot > 0 ? name[dot..] : "";
        var folder = trimmed[..^name.Length];
        return string.Create(CultureInfo.InvariantCulture, $"{folder}{stem}-{Index:D5}-of-{Count:D5}{extensions}");
    }

    /// <summary><c>K/N</c>, as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>The bucket of a doi given as UTF-8 bytes (what a JSON or Parquet reader holds before making a string).</summary>
    // MD5 is no security here, only a spread that SQL engines and Python compute natively (md5()).
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "a bucket hash, not security")]
    internal static int BucketOfUtf8(ReadOnlySpan<byte> doi, int count)
    {
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(doi, hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)count);
    }

    /// <summary>Whether this shard holds the paper whose doi is given as UTF-8 bytes.</summary>
    internal bool ContainsUtf8(ReadOnlySpan<byte> doi) => BucketOfUtf8(doi, Count) == Index;

    private static int IndexFromEnvironment(int count, Func<string, string?> environment)
    {
        foreach (var name in IndexVariables)
        {
            if (environment(name) is not { Length: > 0 } value)
            {
                continue;
            }

            return TryNumber(value, out var index) && index < count
                ? index
                : throw new FormatException($"env/{count}: {name} is \"{value}\"; expected a shard index from 0 to {count - 1} (a Slurm array runs as --array=0-{count - 1})");
        }

        throw new FormatException($"env/{count}: neither {string.Join(" nor ", IndexVariables)} is set; pass the shard as K/{count}, or run under a Kubernetes Indexed Job or a Slurm job array");
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
