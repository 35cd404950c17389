using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaperChunks.Formats;

/// <summary>
/// Names of the temporary files and folders PaperChunks writes beside an output or in a temp folder, and the
/// removal of those a killed run left behind. A name reads <c>.{name}~pc{pid}-{random}.tmp</c>: the marker
/// <c>~pc</c> and the writing process' id make a leftover recognisable, and it is removed by a later run
/// writing the same output only when no process with that id is running (docs/reliability.md).
/// </summary>
internal static class TemporaryFiles
{
    private const string Marker = "~pc";
    private const string Suffix = ".tmp";

    // NAME_MAX is 255 bytes; the marker, pid, random part and suffix take at most 27 of them.
    private const int MaxStemBytes = 200;

    /// <summary>A fresh temporary name for <paramref name="fileName"/> (no folder): <c>.{stem}~pc{pid}-{random}.tmp</c>.</summary>
    public static string NameFor(string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(fileName)}{Environment.ProcessId}-{Random.Shared.Next():x8}{Suffix}");

    /// <summary>
    /// Removes files and folders in <paramref name="folder"/> named by <see cref="NameFor"/> for
    /// <paramref name="fileName"/> whose process has ended. Anything that cannot be removed is left alone.
    /// </summary>
    public static void RemoveStale(string folder, string fileName)
    {
        var prefix = Prefix(fileName);
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos(".*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (OwnerOf(entry.Name, prefix) is { } pid && pid != Environment.ProcessId && !IsRunning(pid))
            {
                Remove(entry);
            }
        }
    }

    /// <summary>The id of the process that wrote <paramref name="name"/>, if it is a temporary name with <paramref name="prefix"/>.</summary>
    private static int? OwnerOf(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name.AsSpan(prefix.Length, name.Length - prefix.Length - Suffix.Length);
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static string Prefix(string fileName)
    {
        var stem = Encoding.UTF8.GetByteCount(fileName) <= MaxStemBytes ? fileName : Shortened(fileName);
        return "." + stem + Marker;
    }

    // A long name keeps its start (so a person can tell what it was) and a hash of the whole name
    // (so two long names with the same start do not share leftovers).
    private static string Shortened(string fileName)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fileName)).AsSpan(0, 4)).ToLowerInvariant();
        var keep = new StringBuilder();
        var bytes = 0;
        foreach (var rune in fileName.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > MaxStemBytes - 9)
            {
                break;
            }

            keep.Append(rune.ToString());
        }

        return keep.Append('#').Append(hash).ToString();
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Remove(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Someone else's, or being removed by another run: not ours to insist on.
        }
    }
}
