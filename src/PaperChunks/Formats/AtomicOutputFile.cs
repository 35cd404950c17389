using Microsoft.Win32.SafeHandles;

namespace PaperChunks.Formats;

/// <summary>
/// A file written under a temporary name beside its target and renamed into place on
/// <see cref="Commit"/>, so readers of the target never see a partial file and a failed write leaves the
/// previous file untouched. Disposing without committing deletes the temporary file.
/// </summary>
/// <remarks>
/// The file is flushed to disk before the rename. So that this is not one long wait at the end (writing
/// 362 MB of papers stalled ~0.5 s in <c>fsync</c>), a background task flushes what has been written
/// every 32 MB written while the writer goes on (docs/performance.md, Reassembly).
/// </remarks>
internal sealed class AtomicOutputFile : IDisposable, IAsyncDisposable
{
    private readonly bool _overwrite;
    private readonly string _resolvedPath;
    private readonly SafeFileHandle _handle;
    private readonly CancellationTokenSource _stopWriteback = new();
    private readonly Task _writeback;
    private readonly long _writebackBytes;
    private readonly TimeSpan _writebackInterval;
    private Exception? _writebackError;
    private bool _committed;

    private AtomicOutputFile(string targetPath, string resolvedPath, string? tempPath, FileStream stream, bool overwrite, long writebackBytes, TimeSpan writebackInterval)
    {
        _resolvedPath = resolvedPath;
        _writebackBytes = writebackBytes;
        _writebackInterval = writebackInterval;
        TargetPath = targetPath;
        TempPath = tempPath;
        Stream = stream;
        _overwrite = overwrite;
        _handle = stream.SafeFileHandle;
        _writeback = tempPath is null ? Task.CompletedTask : Task.Run(WriteBackAsync);
    }

    /// <summary>The path <c>-o -</c> stands for: streamed into, never replaced.</summary>
    public const string StandardOutput = "/dev/stdout";

    public string TargetPath { get; }

    /// <summary>The temporary file, or <see langword="null"/> when the target is a device or FIFO written directly.</summary>
    public string? TempPath { get; }

    public FileStream Stream { get; }

    /// <summary>Background flushes to disk so far.</summary>
    public int Writebacks { get; private set; }

    /// <param name="targetPath">The file to create or replace.</param>
    /// <param name="overwrite">Whether an existing target may be replaced.</param>
    /// <param name="writebackBytes">Bytes written between background flushes (default 32 MB).</param>
    /// <param name="writebackInterval">How often the background task looks (default 100 ms).</param>
    public static AtomicOutputFile Create(string targetPath, bool overwrite, long writebackBytes = 32L << 20, TimeSpan? writebackInterval = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetPath);
        if (targetPath == StandardOutput || FileIdentity.Of(targetPath).Kind == FileKind.Special)
        {
            return OpenSpecial(targetPath, writebackBytes, writebackInterval);
        }

        // A symbolic link is followed: the file it names is replaced and the link stays.
        var full = FileIdentity.Resolved(targetPath);
        var identity = FileIdentity.Of(full);
        switch (identity.Kind)
        {
            case FileKind.Directory:
                throw new PaperChunksOutputException(targetPath, "is a folder, expected a file path");
            case FileKind.Special:
                return OpenSpecial(targetPath, writebackBytes, writebackInterval);
            case FileKind.Regular when OpenInput.IsBeingRead(identity):
                throw new PaperChunksOutputException(targetPath, "is also an input of this run; write to another path");
            case FileKind.Regular when !overwrite:
                throw new PaperChunksOutputException(targetPath, "the file exists; allow overwriting to replace it", outputExists: true);
        }

        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, TemporaryFiles.NameFor(Path.GetFileName(full)));
        try
        {
            Directory.CreateDirectory(folder);
            TemporaryFiles.RemoveStale(folder, Path.GetFileName(full));
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            return new AtomicOutputFile(targetPath, full, temp, stream, overwrite, writebackBytes, writebackInterval ?? TimeSpan.FromMilliseconds(100));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksOutputException(targetPath, $"cannot create the output: {e.Message}", e);
        }
    }

    // A device or FIFO (/dev/null, a pipe, a named pipe) is written into as a stream: renaming over it would
    // replace the device node with a regular file. Standard output redirected to a file is appended to, as
    // the shell's `>>` expects (after `>` the file is empty anyway).
    private static AtomicOutputFile OpenSpecial(string targetPath, long writebackBytes, TimeSpan? writebackInterval)
    {
        try
        {
            var mode = targetPath == StandardOutput && FileIdentity.Of(targetPath).Kind == FileKind.Regular ? FileMode.Append : FileMode.Open;
            var stream = new FileStream(targetPath, mode, FileAccess.Write, FileShare.ReadWrite, 1 << 16, FileOptions.None);
            return new AtomicOutputFile(targetPath, targetPath, null, stream, false, writebackBytes, writebackInterval ?? TimeSpan.FromMilliseconds(100));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksOutputException(targetPath, $"cannot open the output: {e.Message}", e);
        }
    }

    public void Commit()
    {
        try
        {
            StopWriteback();
            if (_writebackError is { } error)
            {
                throw new IOException(error.Message, error);
            }

            if (TempPath is null)
            {
                Stream.Flush();
                Stream.Dispose();
                _committed = true;
                return;
            }

            Stream.Flush(flushToDisk: true);
            Stream.Dispose();
            File.Move(TempPath, _resolvedPath, _overwrite);
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
        StopWriteback();
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // The write already failed (disk full); the temporary file is removed below all the same.
        }

        if (TempPath is not null)
        {
            File.Delete(TempPath);
        }
    }

    private async Task WriteBackAsync()
    {
        long synced = 0;
        try
        {
            while (true)
            {
                await Task.Delay(_writebackInterval, _stopWriteback.Token).ConfigureAwait(false);
                var length = RandomAccess.GetLength(_handle);
                if (length - synced >= _writebackBytes)
                {
                    RandomAccess.FlushToDisk(_handle);
                    synced = length;
                    Writebacks++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Commit or discard: the final flush, if any, is theirs.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Kept for Commit: a failed flush may not be reported again by the next one.
            _writebackError = e;
        }
    }

    private void StopWriteback()
    {
        if (!_stopWriteback.IsCancellationRequested)
        {
            _stopWriteback.Cancel();
            _writeback.GetAwaiter().GetResult();
            _stopWriteback.Dispose();
        }
    }
}
