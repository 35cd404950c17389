namespace PaperChunks.Formats;

/// <summary>
/// Whether this process has a file open for reading: the last guard against an output replacing its own
/// input (<c>reassemble corpus.jsonl -o corpus.jsonl</c>), whichever command opened the input and however
/// the path was spelled (relative, through a link, a hard link). Linux only (<c>/proc/self/fd</c>);
/// elsewhere the commands' own path comparison is the guard.
/// </summary>
internal static class OpenInput
{
    private const string Descriptors = "/proc/self/fd";

    public static bool IsBeingRead(FileIdentity file)
    {
        if (file.Inode == 0 || !OperatingSystem.IsLinux() || !Directory.Exists(Descriptors))
        {
            return false;
        }

        foreach (var descriptor in Directory.EnumerateFileSystemEntries(Descriptors))
        {
            if (FileIdentity.Of(descriptor) is var open && open.Inode == file.Inode && open.Device == file.Device && IsReadOnly(Path.GetFileName(descriptor)))
            {
                return true;
            }
        }

        return false;
    }

    // /proc/self/fdinfo/N holds "flags: 0100000" (octal); the access mode is the low two bits, 0 = O_RDONLY.
    private static bool IsReadOnly(string descriptor)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/self/fdinfo/{descriptor}"))
            {
                if (line.StartsWith("flags:", StringComparison.Ordinal))
                {
                    var flags = Convert.ToInt32(line["flags:".Length..].Trim(), 8);
                    return (flags & 3) == 0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // The descriptor closed meanwhile.
        }

        return false;
    }
}
