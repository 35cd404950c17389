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
    private readonly SafeFileHandle _handle;
    private readonly CancellationTokenSource _stopWriteback = new();
    private readonly Task _writeback;
    private readonly long _writebackBytes;
    private readonly TimeSpan _writebackInterval;
    private Exception? _writebackError;
    private bool _committed;

    private AtomicOutputFile(string targetPath, string tempPath, FileStream stream, bool overwrite, long writebackBytes, TimeSpan writebackInterval)
    {
        _writebackBytes = writebackBytes;
        _writebackInterval = writebackInterval;
        TargetPath = targetPath;
        TempPath = tempPath;
        Stream = stream;
        _overwrite = overwrite;
        _handle = stream.SafeFileHandle;
        _writeback = Task.Run(WriteBackAsync);
    }

    public string TargetPath { get; }

    public string TempPath { get; }

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
            return new AtomicOutputFile(targetPath, temp, stream, overwrite, writebackBytes, writebackInterval ?? TimeSpan.FromMilliseconds(100));
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
            StopWriteback();
            if (_writebackError is { } error)
            {
                throw new IOException(error.Message, error);
            }

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
        StopWriteback();
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
