namespace PaperChunks.Formats;

/// <summary>
/// A file written under a temporary name beside its target and renamed into place on
/// <see cref="Commit"/>, so readers of the target never see a partial file and a failed write leaves the
/// previous file untouched. Disposing without committing deletes the temporary file.
/// </summary>
internal sealed class AtomicOutputFile : IDisposable, IAsyncDisposable
{
    private readonly bool _overwrite;
    private bool _committed;

    private AtomicOutputFile(string targetPath, string tempPath, FileStream stream, bool overwrite)
    {
        TargetPath = targetPath;
        TempPath = tempPath;
        Stream = stream;
        _overwrite = overwrite;
    }

    public string TargetPath { get; }

    public string TempPath { get; }

    public FileStream Stream { get; }

    public static AtomicOutputFile Create(string targetPath, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetPath);
        var full = Path.GetFullPath(targetPath);
        if (!overwrite && File.Exists(full))
        {
            throw new PaperChunksOutputException(targetPath, "the file exists; allow overwriting to replace it");
        }

        if (Directory.Exists(full))
        {
            throw new PaperChunksOutputException(targetPath, "is a folder, expected a file path");
        }

        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            return new AtomicOutputFile(targetPath, temp, stream, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksOutputException(targetPath, $"cannot create the output: {e.Message}", e);
        }
    }

    public void Commit()
    {
        try
        {
            Stream.Flush(flushToDisk: true);
            Stream.Dispose();
            File.Move(TempPath, Path.GetFullPath(TargetPath), _overwrite);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard();
            throw new PaperChunksOutputException(TargetPath, $"cannot complete the output: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Discard();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Discard()
    {
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // The write already failed (disk full); the temporary file is removed below all the same.
        }

        File.Delete(TempPath);
    }
}
