using System.Globalization;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The bucket a file of a <c>convert --buckets</c> dataset holds, as its key-value metadata says
/// (<c>paperchunks.bucket</c> = <c>K/N</c>): every row's doi is in bucket <see cref="Index"/> of <see cref="Count"/>.
/// A <c>--shard k/n</c> reader with <c>N % n == 0</c> then knows from the footer alone whether the whole file is its
/// own (<c>K % n == k</c>, as the bucket is the doi's hash modulo the count) or none of it is, and skips the others'
/// files unread. The entry travels with the file, not its folder name, so a renamed or moved file keeps it, and a
/// file rewritten by another tool loses it and is filtered row by row.
/// </summary>
/// <param name="Index">The bucket, 0 ≤ <paramref name="Index"/> &lt; <paramref name="Count"/>.</param>
/// <param name="Count">The dataset's bucket count.</param>
internal readonly record struct FileBucket(int Index, int Count)
{
    /// <summary>The key-value metadata key.</summary>
    public const string Key = "paperchunks.bucket";

    /// <summary>The bucket a file's metadata names; null when it names none, or none this writer would write.</summary>
    public static FileBucket? Of(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(Key, out var text) && text.Split('/') is [var k, var n]
        && int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        && count > 0 && index < count
            ? new FileBucket(index, count)
            : null;

    /// <summary>Whether all of the file's rows are in <paramref name="shard"/> (true), none are (false), or the bucket does not say (null: <paramref name="shard"/>'s count does not divide this one's).</summary>
    public bool? HoldsOnly(PaperShard shard) => Count % shard.Count == 0 ? Index % shard.Count == shard.Index : null;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
