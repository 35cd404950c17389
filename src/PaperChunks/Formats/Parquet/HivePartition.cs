using System.Text;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Hive partition folder names (<c>primary_category=cs.LG</c>) that are always one safe path segment:
/// path separators, control characters (NUL included) and Hive's reserved characters are percent-encoded
/// as Hive does, and a null or empty value becomes Hive's default partition. So a value such as
/// <c>../x</c> or <c>a/b</c> names a folder inside the output, never a path outside it.
/// </summary>
internal static class HivePartition
{
    /// <summary>Hive's name for the partition of null and empty values.</summary>
    public const string DefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    // Linux and Windows limit a path segment to 255 bytes / characters.
    private const int MaxSegmentBytes = 255;

    // Hive's FileUtils.escapePathName set, plus backslash (a separator on Windows).
    private const string Reserved = "\"#%'*/:=?\\\u007F{}[]^";

    /// <summary>The folder name for a value of <paramref name="column"/>.</summary>
    /// <exception cref="PaperChunksOutputException">The encoded name is longer than a file system allows.</exception>
    public static string FolderName(string column, string? value, string outputForErrors)
    {
        var name = Encode(column, value);
        if (NameProblem(name, value) is { } problem)
        {
            throw new PaperChunksOutputException(outputForErrors, $"the partition value of \"{column}\" {problem}");
        }

        return name;
    }

    /// <summary>Why <paramref name="value"/> cannot name a partition folder, or null if it can.</summary>
    public static string? Problem(string column, string? value) => NameProblem(Encode(column, value), value);

    private static string Encode(string column, string? value) =>
        $"{Escape(column)}={(string.IsNullOrEmpty(value) ? DefaultPartition : Escape(value))}";

    private static string? NameProblem(string name, string? value)
    {
        var bytes = Encoding.UTF8.GetByteCount(name);
        return bytes <= MaxSegmentBytes
            ? null
            : FormattableString.Invariant($"is too long for a folder name ({bytes:N0} bytes encoded, at most {MaxSegmentBytes}): {Preview(value!)}");
    }

    /// <summary>Joins a partition folder to the output folder, and proves the result stays inside it.</summary>
    public static string Inside(string root, string folderName, string outputForErrors)
    {
        var rootFull = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(rootFull, folderName));
        if (!full.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetDirectoryName(full) != rootFull)
        {
            throw new PaperChunksOutputException(outputForErrors, $"the partition folder \"{folderName}\" would not be directly inside the output folder");
        }

        return full;
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c < 0x20 || Reserved.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Preview(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
