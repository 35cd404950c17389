using System.Runtime.InteropServices;

namespace PaperChunks.Formats;

/// <summary>What a path is on disk (links followed): its type and, on Unix, its device and inode.</summary>
/// <remarks>
/// .NET reports devices, FIFOs and sockets as ordinary files (dotnet/runtime#85148 asks for an API), and
/// renaming over one replaces it, so the type comes from <c>stat(2)</c> itself. Where that is not available
/// (Windows, an unknown layout) the answer falls back to what .NET can tell: folder, file or missing.
/// </remarks>
internal readonly record struct FileIdentity(FileKind Kind, ulong Device, ulong Inode)
{
    private const uint TypeMask = 0xF000;

    /// <summary>The path's identity; <see cref="FileKind.Missing"/> when nothing is there.</summary>
    public static FileIdentity Of(string path)
    {
        if (Native.Stat(path) is { } stat)
        {
            return stat;
        }

        return Directory.Exists(path) ? new(FileKind.Directory, 0, 0)
            : File.Exists(path) ? new(FileKind.Regular, 0, 0)
            : new(FileKind.Missing, 0, 0);
    }

    /// <summary>Whether two existing paths are the same file (same device and inode, or the same resolved path).</summary>
    public static bool SameFile(string a, string b)
    {
        var x = Of(a);
        var y = Of(b);
        if (x.Kind == FileKind.Missing || y.Kind == FileKind.Missing)
        {
            return false;
        }

        return x.Inode != 0 ? x.Device == y.Device && x.Inode == y.Inode
            : string.Equals(Resolved(a), Resolved(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The absolute path with every symbolic link along the final name followed.</summary>
    public static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        return info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    private static FileKind KindOf(uint mode) => (mode & TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        _ => FileKind.Special,
    };

    private static class Native
    {
        private static readonly (int Mode, int Inode, bool ShortMode)? Layout =
            OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64 ? (24, 8, false)
            : OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? (16, 8, false)
            : OperatingSystem.IsMacOS() ? (4, 8, true)
            : null;

        private static bool s_unavailable;

        public static FileIdentity? Stat(string path)
        {
            if (Layout is not { } layout || s_unavailable)
            {
                return null;
            }

            // Larger than struct stat on every layout above (144 bytes at most).
            var buffer = new byte[256];
            try
            {
                if (stat(path, buffer) != 0)
                {
                    return new FileIdentity(FileKind.Missing, 0, 0);
                }
            }
            catch (EntryPointNotFoundException)
            {
                // glibc before 2.33 exports only __xstat.
                s_unavailable = true;
                return null;
            }

            uint mode = layout.ShortMode ? BitConverter.ToUInt16(buffer, layout.Mode) : BitConverter.ToUInt32(buffer, layout.Mode);
            var device = layout.ShortMode ? (ulong)BitConverter.ToUInt32(buffer, 0) : BitConverter.ToUInt64(buffer, 0);
            return new FileIdentity(KindOf(mode), device, BitConverter.ToUInt64(buffer, layout.Inode));
        }

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
    }
}
