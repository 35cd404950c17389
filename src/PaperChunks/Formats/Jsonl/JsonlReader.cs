using System.Globalization;
using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Base of the JSON Lines readers: one JSON object per line, plain, <c>.gz</c> or <c>.zst</c>, UTF-8 with
/// or without BOM, LF or CRLF, blank lines skipped. Memory stays flat: one pooled buffer as large as the
/// longest line.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class JsonlReader<T> : RecordReader<T>
    where T : class
{
    private readonly Stream _stream;
    private readonly JsonlLineSource _lines;
    private readonly string? _rangePath;
    private readonly long _rangeStart;
    private long? _linesBefore;

    /// <summary>Opens a file; compression is chosen by extension and confirmed by magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    protected JsonlReader(string path, ReaderOptions? options)
        : base(path, options)
    {
        _stream = CompressedStreams.OpenRead(path, Options);
        _lines = new JsonlLineSource(_stream, Options.MaxRowBytes);
    }

    /// <summary>Reads from a stream; gzip or zstd content is detected from its magic bytes.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    protected JsonlReader(Stream stream, ReaderOptions? options)
        : base(options?.SourceName ?? "<stream>", options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream.CanSeek
            ? CompressedStreams.Decompress(stream, SourceName, StreamCompression.None, Options)
            : stream;
        _lines = new JsonlLineSource(_stream, Options.MaxRowBytes);
    }

    /// <summary>Reads the lines of a plain (uncompressed) file that start within a byte range; the range starts at a line start.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="start">Offset of the range's first line.</param>
    /// <param name="length">Bytes in the range, ending at a line end or the end of the file.</param>
    private protected JsonlReader(string path, ReaderOptions? options, long start, long length)
        : base(path, options)
    {
        try
        {
            _stream = new FileRangeStream(path, start, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksFormatException(path, 0, 0, null, $"cannot open the file: {e.Message}", e);
        }

        _rangePath = path;
        _rangeStart = start;
        _lines = new JsonlLineSource(_stream, Options.MaxRowBytes, atFileStart: start == 0);
    }

    /// <summary>Bytes of decompressed input consumed so far (for progress reporting).</summary>
    public long BytesConsumed => _lines.BytesConsumed;

    /// <summary>
    /// The field that names a row's paper (<c>doi</c>, <c>paper_id</c>), read first under
    /// <see cref="ReaderOptions.Shard"/> so that other shards' rows are skipped unparsed; <see langword="null"/>
    /// to filter parsed records instead.
    /// </summary>
    private protected virtual string? ShardKeyField => null;

    /// <inheritdoc/>
    private protected sealed override bool SkipsOtherShards => ShardKeyField is not null;

    /// <summary>Parses one non-blank line into a record.</summary>
    /// <param name="line">The line's bytes, without its line break.</param>
    private protected abstract T ParseLine(ReadOnlySpan<byte> line);

    /// <inheritdoc/>
    // A part of a file counts the lines before it once, and only for an error or CurrentLine: reading
    // every row needs no line numbers, and counting means reading all that comes before the part.
    private protected override long LinesBeforeInput =>
        _linesBefore ??= _rangePath is null || _rangeStart == 0 ? 0 : FileRangeStream.LinesBefore(_rangePath, _rangeStart);

    // The file's line number of the line last taken.
    private long LineNumber => _lines.LineNumber + LinesBeforeInput;

    /// <inheritdoc/>
    protected sealed override T? ReadCore()
    {
        while (true)
        {
            var outcome = _lines.Next(out var line);
            if (Accept(outcome, line.Span) is { } record)
            {
                return record;
            }

            if (outcome == JsonlLineSource.Outcome.End)
            {
                return null;
            }
        }
    }

    /// <inheritdoc/>
    protected sealed override async ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (outcome, line) = await _lines.NextAsync(cancellationToken).ConfigureAwait(false);
            if (Accept(outcome, line.Span) is { } record)
            {
                return record;
            }

            if (outcome == JsonlLineSource.Outcome.End)
            {
                return null;
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    private T? Accept(JsonlLineSource.Outcome outcome, ReadOnlySpan<byte> line)
    {
        RowBucket = null;
        switch (outcome)
        {
            case JsonlLineSource.Outcome.End:
                return null;
            case JsonlLineSource.Outcome.TooLong:
                ReportBadRow(FormatError(
                    LineNumber, 0, null,
                    string.Create(CultureInfo.InvariantCulture, $"the line is longer than the {Options.MaxRowBytes:N0}-byte row limit; raise ReaderOptions.MaxRowBytes if the row is genuine")));
                return null;
        }

        if (line.TrimStart(" \t"u8).IsEmpty)
        {
            return null;
        }

        if (Options.Shard is { } shard && ShardKeyField is { } key)
        {
            RowBucket = PeekBucket(line, key, shard.Count);
            if ((RowBucket ?? 0) != shard.Index)
            {
                return null;
            }
        }

        try
        {
            var record = ParseLine(line);
            CurrentLine = _lines.LineNumber;
            return record;
        }
        catch (JsonRowException e)
        {
            var reason = e.Reason;
            if (_lines.LastLineUnterminated && e.ByteOffset >= line.Length)
            {
                reason += "; the file ends in the middle of this row";
            }

            ReportBadRow(FormatError(LineNumber, JsonValues.Column(line, e.ByteOffset), e.Field, reason, e));
            return null;
        }
    }

    // The bucket of the row's paper from the key field alone, the rest of the row unparsed; null when the
    // key cannot be read as a string before it (the full parse then reports the row, in bucket 0's shard).
    private int? PeekBucket(ReadOnlySpan<byte> line, string key, int count)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = Options.MaxJsonDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKey = reader.ValueTextEquals(key);
                if (!reader.Read())
                {
                    return null;
                }

                if (isKey)
                {
                    return reader.TokenType != JsonTokenType.String ? null
                        : reader.ValueIsEscaped ? BucketOf(reader.GetString()!, count)
                        : BucketOfUtf8(reader.ValueSpan, count);
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }

        return null;
    }
}
