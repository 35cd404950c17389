using System.Text.Encodings.Web;
using System.Text.Json;
using PaperChunks.Reassembly;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Writes reassembled papers as JSON Lines, one object per paper: the metadata under the chunk rows'
/// names, then <c>text</c>, <c>chunk_count</c>, <c>missing_chunk_ids</c>, <c>duplicate_chunk_ids</c> and
/// <c>spans</c> (<c>[{"chunk-id": 0, "start": 0, "length": 1520}, …]</c>). UTF-8 without escaping of
/// non-ASCII text; <c>.gz</c> and <c>.zst</c> targets are compressed. A path target appears only on
/// completion.
/// </summary>
public sealed class JsonlPaperWriter : RecordWriter<PaperRecord>
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly AtomicOutputFile? _file;
    private readonly Stream _output;
    private readonly bool _ownsOutput;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to a file, through a temporary file renamed into place on completion.</summary>
    /// <param name="path">The target, e.g. <c>papers.jsonl</c> or <c>papers.jsonl.zst</c>.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The target exists and overwriting is off, or cannot be created.</exception>
    public JsonlPaperWriter(string path, WriterOptions? options = null)
    {
        options ??= WriterOptions.Default;
        _file = AtomicOutputFile.Create(path, options.Overwrite);
        var compression = options.Compression ?? CompressedStreams.FromExtension(path);
        _output = CompressedStreams.Compress(_file.Stream, compression, options.CompressionLevel);
        _ownsOutput = !ReferenceEquals(_output, _file.Stream);
        _json = new Utf8JsonWriter(_output, JsonOptions);
    }

    /// <summary>Writes to a stream the caller owns (for example standard output); the stream is left open.</summary>
    /// <param name="output">The stream.</param>
    /// <param name="options">Writer settings (compression applies when set explicitly), or <see langword="null"/>.</param>
    public JsonlPaperWriter(Stream output, WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= WriterOptions.Default;
        _output = CompressedStreams.Compress(output, options.Compression ?? StreamCompression.None, options.CompressionLevel);
        _ownsOutput = !ReferenceEquals(_output, output);
        _json = new Utf8JsonWriter(_output, JsonOptions);
    }

    /// <inheritdoc/>
    protected override void WriteCore(PaperRecord record)
    {
        WriteObject(record);
        _json.Flush();
        _json.Reset();
        _output.WriteByte((byte)'\n');
    }

    /// <inheritdoc/>
    protected override async ValueTask WriteCoreAsync(PaperRecord record, CancellationToken cancellationToken)
    {
        WriteObject(record);
        await _json.FlushAsync(cancellationToken).ConfigureAwait(false);
        _json.Reset();
        await _output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void CompleteCore()
    {
        _json.Dispose();
        if (_ownsOutput)
        {
            _output.Dispose();
        }
        else
        {
            _output.Flush();
        }

        _file?.Commit();
    }

    /// <inheritdoc/>
    protected override async ValueTask CompleteCoreAsync(CancellationToken cancellationToken)
    {
        await _json.DisposeAsync().ConfigureAwait(false);
        if (_ownsOutput)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _file?.Commit();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeJsonQuietly();
            if (_ownsOutput && !IsCompleted)
            {
                DisposeQuietly(_output);
            }

            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override async ValueTask DisposeAsyncCore()
    {
        DisposeJsonQuietly();
        if (_ownsOutput && !IsCompleted)
        {
            DisposeQuietly(_output);
        }

        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    /// <summary>Disposing the JSON writer flushes it, which fails once the output is closed or broken.</summary>
    private void DisposeJsonQuietly()
    {
        if (IsCompleted)
        {
            return;
        }

        try
        {
            _json.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The output is being discarded; nothing more can be written to it.
        }
    }

    private static void DisposeQuietly(Stream stream)
    {
        try
        {
            stream.Dispose();
        }
        catch (IOException)
        {
            // The output is being discarded after a failure; the temporary file is deleted next.
        }
    }

    private void WriteObject(PaperRecord paper)
    {
        var json = _json;
        json.WriteStartObject();
        json.WriteString(ChunkColumns.Doi, paper.Doi);
        json.WriteString(ChunkColumns.Title, paper.Title);
        json.WriteString(ChunkColumns.Summary, paper.Summary);
        json.WriteString(ChunkColumns.Source, paper.Source);
        WriteStrings(ChunkColumns.Authors, paper.Authors);
        WriteStrings(ChunkColumns.Categories, paper.Categories);
        json.WriteString(ChunkColumns.Comment, paper.Comment);
        json.WriteString(ChunkColumns.JournalRef, paper.JournalRef);
        json.WriteString(ChunkColumns.PrimaryCategory, paper.PrimaryCategory);
        json.WriteString(ChunkColumns.Published, paper.Published);
        json.WriteString(ChunkColumns.Updated, paper.Updated);
        json.WriteStartArray(ChunkColumns.References);
        foreach (var reference in paper.References)
        {
            json.WriteStartObject();
            json.WriteString(ChunkColumns.Id, reference.Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString(PaperColumns.Text, paper.Text);
        json.WriteNumber(PaperColumns.ChunkCount, paper.ChunkCount);
        WriteNumbers(PaperColumns.MissingChunkIds, paper.MissingChunkIds);
        WriteNumbers(PaperColumns.DuplicateChunkIds, paper.DuplicateChunkIds);
        json.WriteStartArray(PaperColumns.Spans);
        foreach (var span in paper.Spans)
        {
            json.WriteStartObject();
            json.WriteNumber(ChunkColumns.ChunkId, span.ChunkId);
            json.WriteNumber(PaperColumns.SpanStart, span.Start);
            json.WriteNumber(PaperColumns.SpanLength, span.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteStrings(string name, IReadOnlyList<string> values)
    {
        _json.WriteStartArray(name);
        foreach (var value in values)
        {
            _json.WriteStringValue(value);
        }

        _json.WriteEndArray();
    }

    private void WriteNumbers(string name, IReadOnlyList<long> values)
    {
        _json.WriteStartArray(name);
        foreach (var value in values)
        {
            _json.WriteNumberValue(value);
        }

        _json.WriteEndArray();
    }
}
