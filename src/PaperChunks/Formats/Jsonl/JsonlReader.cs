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
    private readonly LineBlockQueue<T> _blocks = new();
    private long? _linesBefore;
    private bool? _inBlocks;

    /// <summary>Opens a file; compression is chosen by extension and confirmed by magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    protected JsonlReader(string path, ReaderOptions? options)
        : base(path, options)
    {
        _stream = CompressedStreams.OpenRead(path, Options);
        _lines = new JsonlLineSource(_stream, Options.MaxRowBytes, skipping: Options.Shard is not null);
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
        _lines = new JsonlLineSource(_stream, Options.MaxRowBytes, skipping: Options.Shard is not null);
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
        _lines = new JsonlLineSource(_stream, Options.MaxRowBytes, atFileStart: start == 0, skipping: Options.Shard is not null);
    }

    /// <summary>Bytes of decompressed input consumed so far (for progress reporting).</summary>
    public long BytesConsumed => _lines.BytesConsumed;

    /// <summary>
    /// The field that names a row's paper (<c>doi</c>, <c>paper_id</c>), read first under
    /// <see cref="ReaderOptions.Shard"/> so that other shards' rows are skipped unparsed; <see langword="null"/>
    /// to filter parsed records instead.
    /// </summary>
    private protected virtual string? ShardKeyField => null;

    // The bytes a row starts with when the shard key is its first field: {"doi":" (set on first use; any thread).
    private byte[]? _keyPrefix;

    /// <inheritdoc/>
    private protected sealed override bool SkipsOtherShards => ShardKeyField is not null;

    /// <inheritdoc/>
    internal sealed override bool ParsesInParallel => InBlocks;

    /// <summary>Parses one non-blank line into a record.</summary>
    /// <param name="line">The line's bytes, without its line break.</param>
    private protected abstract T ParseLine(ReadOnlySpan<byte> line);

    /// <summary>
    /// The parser behind <see cref="ParseLine"/> when it can be forked for other threads, so that blocks of
    /// lines are parsed in parallel (<see cref="ReaderOptions.MaxDegreeOfParallelism"/>); <see langword="null"/>
    /// parses every line on the caller's thread.
    /// </summary>
    private protected virtual JsonLineParser<T>? BlockParser => null;

    /// <inheritdoc/>
    // A part of a file counts the lines before it once, and only for an error or CurrentLine: reading
    // every row needs no line numbers, and counting means reading all that comes before the part.
    private protected override long LinesBeforeInput =>
        _linesBefore ??= _rangePath is null || _rangeStart == 0 ? 0 : FileRangeStream.LinesBefore(_rangePath, _rangeStart);

    // Blocks in flight: parsed on the thread pool while the caller takes the records of the one before.
    private int Depth => 2 * Options.MaxDegreeOfParallelism;

    private bool InBlocks => _inBlocks ??= Options.MaxDegreeOfParallelism > 1 && BlockParser is not null;

    /// <inheritdoc/>
    protected sealed override T? ReadCore()
    {
        if (InBlocks)
        {
            return ReadBlocks();
        }

        while (true)
        {
            var outcome = _lines.Next(out var line);
            if (outcome == JsonlLineSource.Outcome.End)
            {
                return null;
            }

            if (Deliver(Evaluate(outcome, line.Span), _lines.LineNumber, _lines.LastLineUnterminated) is { } record)
            {
                return record;
            }
        }
    }

    /// <inheritdoc/>
    protected sealed override async ValueTask<T?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        if (InBlocks)
        {
            return await ReadBlocksAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (outcome, line) = await _lines.NextAsync(cancellationToken).ConfigureAwait(false);
            if (outcome == JsonlLineSource.Outcome.End)
            {
                return null;
            }

            if (Deliver(Evaluate(outcome, line.Span), _lines.LineNumber, _lines.LastLineUnterminated) is { } record)
            {
                return record;
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _blocks.Dispose();
            _lines.Dispose();
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    private T? ReadBlocks()
    {
        while (true)
        {
            if (_blocks.TakeNext(out var result, out var lineNumber, out var unterminated))
            {
                if (Deliver(result, lineNumber, unterminated) is { } record)
                {
                    return record;
                }

                continue;
            }

            while (_blocks.WantsMore(Depth))
            {
                _blocks.Dispatch(FillBlock(), BlockParser!, Evaluate);
            }

            if (!_blocks.Advance(BlockParser!, Evaluate))
            {
                return null;
            }
        }
    }

    private async ValueTask<T?> ReadBlocksAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_blocks.TakeNext(out var result, out var lineNumber, out var unterminated))
            {
                if (Deliver(result, lineNumber, unterminated) is { } record)
                {
                    return record;
                }

                continue;
            }

            while (_blocks.WantsMore(Depth))
            {
                _blocks.Dispatch(await FillBlockAsync(cancellationToken).ConfigureAwait(false), BlockParser!, Evaluate);
            }

            if (!await _blocks.AdvanceAsync(BlockParser!, Evaluate).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    private LineBlock<T> FillBlock()
    {
        var block = new LineBlock<T>();
        while (block.HasRoom && Add(block, _lines.Next(out var line), line.Span))
        {
        }

        return block;
    }

    private async ValueTask<LineBlock<T>> FillBlockAsync(CancellationToken cancellationToken)
    {
        var block = new LineBlock<T>();
        while (block.HasRoom)
        {
            var (outcome, line) = await _lines.NextAsync(cancellationToken).ConfigureAwait(false);
            if (!Add(block, outcome, line.Span))
            {
                break;
            }
        }

        return block;
    }

    private bool Add(LineBlock<T> block, JsonlLineSource.Outcome outcome, ReadOnlySpan<byte> line)
    {
        if (outcome == JsonlLineSource.Outcome.End)
        {
            _blocks.InputDone = true;
            return false;
        }

        if (outcome == JsonlLineSource.Outcome.Line && IsOtherShards(line))
        {
            // Skipped here, not copied for a worker: a shard's reader passes over most of the file.
            return true;
        }

        block.Add(line, _lines.LineNumber, outcome == JsonlLineSource.Outcome.TooLong);
        block.EndsUnterminated = _lines.LastLineUnterminated;
        return true;
    }

    private LineResult<T> Evaluate(JsonlLineSource.Outcome outcome, ReadOnlySpan<byte> line) =>
        outcome == JsonlLineSource.Outcome.TooLong ? LineResult<T>.TooLong : Evaluate(line, null, Buckets);

    // What a line comes to, from the line, the parser and a bucket memory alone, so that any thread can work it out.
    private LineResult<T> Evaluate(ReadOnlySpan<byte> line, JsonLineParser<T>? parser, RecentBucket buckets)
    {
        if (line.TrimStart(" \t"u8).IsEmpty)
        {
            return default;
        }

        int? bucket = null;
        if (Options.Shard is { } shard && ShardKeyField is { } key)
        {
            bucket = PeekBucket(line, key, shard.Count, buckets);
            if ((bucket ?? 0) != shard.Index)
            {
                return new(null, bucket, null, 0, false, false);
            }
        }

        try
        {
            return new(parser is null ? ParseLine(line) : parser.Parse(line), bucket, null, 0, false, false);
        }
        catch (JsonRowException e)
        {
            return new(null, bucket, e, JsonValues.Column(line, e.ByteOffset), e.ByteOffset >= line.Length, false);
        }
    }

    private bool IsOtherShards(ReadOnlySpan<byte> line) =>
        Options.Shard is { } shard && ShardKeyField is { } key && !line.TrimStart(" \t"u8).IsEmpty
        && (PeekBucket(line, key, shard.Count, Buckets) ?? 0) != shard.Index;

    // Hands a line's result to the caller in input order: its record, or its error to the error policy.
    private T? Deliver(in LineResult<T> result, long lineNumber, bool unterminated)
    {
        RowBucket = result.Bucket;
        if (result.IsTooLong)
        {
            ReportBadRow(FormatError(
                lineNumber + LinesBeforeInput, 0, null,
                string.Create(CultureInfo.InvariantCulture, $"the line is longer than the {Options.MaxRowBytes:N0}-byte row limit; raise ReaderOptions.MaxRowBytes if the row is genuine")));
            return null;
        }

        if (result.Error is { } e)
        {
            var reason = unterminated && result.ErrorPastEnd ? e.Reason + "; the file ends in the middle of this row" : e.Reason;
            ReportBadRow(FormatError(lineNumber + LinesBeforeInput, result.Column, e.Field, reason, e));
            return null;
        }

        if (result.Record is not null)
        {
            CurrentLine = lineNumber;
        }

        return result.Record;
    }

    // The bucket of the row's paper from the key field alone, the rest of the row unparsed; null when the
    // key cannot be read as a string before it (the full parse then reports the row, in bucket 0's shard).
    private int? PeekBucket(ReadOnlySpan<byte> line, string key, int count, RecentBucket buckets)
    {
        // Rows written by this library and by the HF export begin {"doi":"…" with a plain value: read it as bytes,
        // without a JSON reader (a skipping shard does this for every row of the file). Anything else, whitespace or
        // an escape included, takes the reader below, which gives the same bucket.
        var prefix = _keyPrefix ??= System.Text.Encoding.UTF8.GetBytes($"{{\"{key}\":\"");
        if (line.StartsWith(prefix))
        {
            var value = line[prefix.Length..];
            var end = value.IndexOfAny((byte)'"', (byte)'\\');
            if (end >= 0 && value[end] == (byte)'"')
            {
                return buckets.OfUtf8(value[..end], count);
            }
        }

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
                        : reader.ValueIsEscaped ? buckets.Of(reader.GetString()!, count)
                        : buckets.OfUtf8(reader.ValueSpan, count);
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
