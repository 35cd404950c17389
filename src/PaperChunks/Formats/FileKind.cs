namespace PaperChunks.Formats;

/// <summary>The type of what is at a path.</summary>
internal enum FileKind
{
    /// <summary>Nothing.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A device, FIFO or socket: written into, never replaced.</summary>
    Special,
}
