namespace PaperChunks.Formats;

/// <summary>
/// Where a text writer's bytes go: a file written atomically, or the caller's stream (left open), through
/// the compressor the extension or the options ask for. <see cref="Finish"/> closes the compressor and moves
/// the file into place; disposing an unfinished output discards it.
/// </summary>
internal sealed class TextOutput : IDisposable
{
    private readonly AtomicOutputFile? _file;
    private readonly Stream _sink;
    private readonly bool _ownsSink;
    private bool _finished;

    private TextOutput(string target, AtomicOutputFile? file, Stream sink, Stream stream, bool ownsSink = false)
    {
        Target = target;
        _file = file;
        _sink = sink;
        Stream = stream;
        _ownsSink = ownsSink;
    }

    /// <summary>The path as given, or <c>&lt;stream&gt;</c>, for error messages.</summary>
    public string Target { get; }

    /// <summary>What the writer writes to (the compressor, when there is one).</summary>
    public Stream Stream { get; }

    /// <summary>Whether the output is a file (a failure then leaves any previous file untouched).</summary>
    public bool IsFile => _file is not null;

    public static TextOutput ToFile(string path, WriterOptions? options)
    {
        var settings = options ?? WriterOptions.Default;
        var file = AtomicOutputFile.Create(path, settings.Overwrite);
        var compression = settings.Compression ?? CompressedStreams.FromExtension(path);
        return new TextOutput(path, file, file.Stream, CompressedStreams.Compress(file.Stream, compression, settings.CompressionLevel));
    }

    public static TextOutput ToStream(Stream stream, WriterOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = options ?? WriterOptions.Default;
        var compression = settings.Compression ?? StreamCompression.None;
        return new TextOutput("<stream>", null, stream, CompressedStreams.Compress(stream, compression, settings.CompressionLevel), !settings.LeaveOpen);
    }

    /// <summary>
    /// Runs a write so that a full disk or a vanished folder surfaces as an output error naming the target;
    /// the temporary file is discarded on dispose.
    /// </summary>
    public void Guarded(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw WriteFailed(e);
        }
    }

    /// <summary>The output error for a failed write.</summary>
    public PaperChunksOutputException WriteFailed(IOException e) => IsFile
        ? new(Target, $"cannot write the output: {e.Message}; nothing was written there and any previous file is untouched", e)
        : new(Target, $"cannot write the output: {e.Message}", e);

    public void Finish()
    {
        if (!ReferenceEquals(Stream, _sink))
        {
            Stream.Dispose();
        }

        if (_file is not null)
        {
            _file.Commit();
        }
        else
        {
            _sink.Flush();
        }

        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished && !ReferenceEquals(Stream, _sink))
        {
            try
            {
                Stream.Dispose();
            }
            catch (IOException)
            {
                // Closing a compressor after a failed write flushes again and fails again; the output is discarded anyway.
            }
        }

        _file?.Dispose();
        if (_ownsSink)
        {
            _sink.Dispose();
        }
    }
}
