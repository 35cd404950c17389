using Microsoft.Win32.SafeHandles;

namespace PaperChunks.Formats.Jsonl;

/// <summary>Cuts a plain JSON Lines file into consecutive byte ranges that start at line starts, for parallel reading.</summary>
internal static class JsonlFileParts
{
    /// <summary>A file smaller than this per part is not worth a thread of its own.</summary>
    public const long MinPartBytes = 32L * 1024 * 1024;

    /// <summary>Up to <paramref name="parts"/> ranges covering the file in order (one if the file is small).</summary>
    public static IReadOnlyList<(long Start, long Length)> Split(string path, int parts, long minPartBytes = MinPartBytes)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var size = RandomAccess.GetLength(file);
        parts = (int)Math.Clamp(size / minPartBytes, 1, Math.Max(parts, 1));
        var starts = new List<long> { 0 };
        for (var p = 1; p < parts; p++)
        {
            var start = NextLineStart(file, Math.Max(size / parts * p, starts[^1]), size);
            if (start < size && start > starts[^1])
            {
                starts.Add(start);
            }
        }

        return starts.Select((s, i) => (s, (i + 1 < starts.Count ? starts[i + 1] : size) - s)).ToList();
    }

    private static long NextLineStart(SafeFileHandle file, long from, long size)
    {
        var buffer = new byte[1 << 16];
        for (var position = from; position < size;)
        {
            var n = RandomAccess.Read(file, buffer, position);
            var newline = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return position + newline + 1;
            }

            position += n;
        }

        return size;
    }
}
