using System.Buffers;
using System.Text.Json;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Base of the JSON Lines writers: one compact JSON object per line, LF endings, UTF-8 without BOM,
/// non-ASCII text written as is. Rows are buffered and written in large blocks; to a path, through a
/// temporary file that <see cref="RecordWriter{T}.Complete"/> moves into place.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class JsonlWriter<T> : RecordWriter<T>
    where T : class
{
    private const int FlushThreshold = 1 << 20;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Escape only what JSON requires: text comes back exactly as read, readable and small.
        Encoder = MinimalJsonEncoder.Instance,
        SkipValidation = true,
    };

    private readonly TextOutput _out;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold + (FlushThreshold / 4));
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to a file; <c>.gz</c> / <c>.zst</c> extensions compress unless options say otherwise.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    protected JsonlWriter(string path, WriterOptions? options)
    {
        _out = TextOutput.ToFile(path, options);
        _json = new Utf8JsonWriter(_buffer, JsonOptions);
    }

    /// <summary>Writes to a stream, which stays open; compression only if the options ask for it.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    protected JsonlWriter(Stream stream, WriterOptions? options)
    {
        _out = TextOutput.ToStream(stream, options);
        _json = new Utf8JsonWriter(_buffer, JsonOptions);
    }

    /// <inheritdoc/>
    private protected override string OutputName => _out.Target;

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
        _out.Guarded(_out.Finish);
    }

    /// <inheritdoc/>
    protected sealed override async ValueTask CompleteCoreAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        _out.Guarded(_out.Finish);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
            _out.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Drain()
    {
        _out.Guarded(() => _out.Stream.Write(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _out.Stream.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw _out.WriteFailed(e);
        }

        _buffer.ResetWrittenCount();
    }

    private void Append(T record)
    {
        WriteObject(_json, record);
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
    }
}
