using System.Buffers;
using System.Text.Json;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Base of the JSON Lines writers: one compact JSON object per line, LF endings, UTF-8 without BOM,
/// non-ASCII text written as is. Rows are buffered and written in large blocks; to a path, through a
/// temporary file that <see cref="RecordWriter{T}.Complete"/> moves into place.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public abstract class JsonlWriter<T> : RecordWriter<T>
    where T : class
{
    private const int FlushThreshold = 1 << 20;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Escape only what JSON requires: text comes back exactly as read, readable and small.
        Encoder = MinimalJsonEncoder.Instance,
        SkipValidation = true,
    };

    private readonly string _target;
    private readonly AtomicOutputFile? _file;
    private readonly Stream _sink;
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold + (FlushThreshold / 4));
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to a file; <c>.gz</c> / <c>.zst</c> extensions compress unless options say otherwise.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    protected JsonlWriter(string path, WriterOptions? options)
    {
        var settings = options ?? WriterOptions.Default;
        _target = path;
        _file = AtomicOutputFile.Create(path, settings.Overwrite);
        _sink = _file.Stream;
        _output = CompressedStreams.Compress(_sink, settings.Compression ?? CompressedStreams.FromExtension(path), settings.CompressionLevel);
        _json = new Utf8JsonWriter(_buffer, JsonOptions);
    }

    /// <summary>Writes to a stream, which stays open; compression only if the options ask for it.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    protected JsonlWriter(Stream stream, WriterOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = options ?? WriterOptions.Default;
        _target = "<stream>";
        _sink = stream;
        _output = CompressedStreams.Compress(stream, settings.Compression ?? StreamCompression.None, settings.CompressionLevel);
        _json = new Utf8JsonWriter(_buffer, JsonOptions);
    }

    /// <summary>Writes one record as a JSON object.</summary>
    /// <param name="writer">The JSON writer, positioned between rows.</param>
    /// <param name="record">The record.</param>
    private protected abstract void WriteObject(Utf8JsonWriter writer, T record);

    /// <inheritdoc/>
    protected sealed override void WriteCore(T record)
    {
        Append(record);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            Drain();
        }
    }

    /// <inheritdoc/>
    protected sealed override async ValueTask WriteCoreAsync(T record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Append(record);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            await DrainAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected sealed override void CompleteCore()
    {
        Drain();
        Guarded(Finish);
    }

    /// <inheritdoc/>
    protected sealed override async ValueTask CompleteCoreAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        Guarded(Finish);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
            if (!ReferenceEquals(_output, _sink))
            {
                DisposeQuietly(_output);
            }

            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void DisposeQuietly(Stream stream)
    {
        try
        {
            stream.Dispose();
        }
        catch (IOException)
        {
            // Disposing a compressor after a failed write flushes again and fails again; the output is discarded anyway.
        }
    }

    private void Drain()
    {
        Guarded(() => _output.Write(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _output.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw WriteFailed(e);
        }

        _buffer.ResetWrittenCount();
    }

    // A full disk or a vanished folder surfaces as an output error naming the target; the temporary file is discarded on dispose.
    private void Guarded(Action write)
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

    private PaperChunksOutputException WriteFailed(IOException e) => _file is null
        ? new(_target, $"cannot write the output: {e.Message}", e)
        : new(_target, $"cannot write the output: {e.Message}; nothing was written there and any previous file is untouched", e);

    private void Append(T record)
    {
        WriteObject(_json, record);
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
    }

    private void Finish()
    {
        if (!ReferenceEquals(_output, _sink))
        {
            _output.Dispose();
        }

        if (_file is not null)
        {
            _file.Commit();
        }
        else
        {
            _sink.Flush();
        }
    }
}
