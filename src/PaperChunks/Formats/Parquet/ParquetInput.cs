using System.Buffers.Binary;
using System.Globalization;
using Parquet;
using Parquet.Meta.Proto;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The row-group walk every Parquet record reader shares: opens the file (footer first), loads one row
/// group at a time through the reader's callback, and counts rows.
/// </summary>
internal sealed class ParquetInput : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly ReaderOptions _options;
    private ColumnChunkCheck? _check;
    private int _nextRowGroup;
    private long _rowsLeftInGroup;

    private ParquetInput(Stream stream, bool ownsStream, ReaderOptions options)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _options = options;
    }

    public ParquetReader? Reader { get; private set; }

    /// <summary>1-based number of the current row across the file.</summary>
    public long Row { get; private set; }

    /// <summary>
    /// Which row groups the walk loads: those whose index modulo <c>Step</c> is <c>Offset</c>; the others' rows are
    /// counted, not read, so that <see cref="Row"/> stays the row's number in the file. Default: all of them.
    /// </summary>
    public (int Offset, int Step) Selection { get; set; } = (0, 1);

    /// <summary>Called with a row group's index before it is loaded.</summary>
    public Func<int, ValueTask>? RowGroupStarting { get; set; }

    public static ParquetInput OpenFile(string path, ReaderOptions options, Func<string, Exception, PaperChunksFormatException> error)
    {
        try
        {
            return new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.RandomAccess), true, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw error($"cannot open the file: {e.Message}", e);
        }
    }

    public static ParquetInput OfStream(Stream stream, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.CanSeek
            ? new(stream, false, options)
            : throw new ArgumentException("Parquet needs a seekable stream: its footer is at the end.", nameof(stream));
    }

    /// <summary>Reads the footer; the caller then checks the schema.</summary>
    public async Task<ParquetReader> OpenAsync(Func<string, Exception, PaperChunksFormatException> error, CancellationToken cancellationToken)
    {
        try
        {
            Reader = await ParquetReader.CreateAsync(_stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);

            // The schema is built lazily from the footer on first access; build it here, inside the boundary.
            _ = Reader.Schema;
            _check = new ColumnChunkCheck(_stream, await DataEndAsync(cancellationToken).ConfigureAwait(false), _options);
            return Reader;
        }
        catch (Exception e) when (IsCorruption(e))
        {
            // Parquet.Net dereferences optional footer fields (a column chunk's metadata) without a check.
            var found = e is NullReferenceException ? "a footer with a required field missing" : e.Message;
            throw error($"expected a Parquet file, found {found}", e);
        }
    }

    /// <summary>Moves to the next row, loading the next row group when needed; false at the end.</summary>
    public async ValueTask<bool> NextRowAsync(
        Func<ParquetRowGroupReader, ValueTask> loadRowGroup, Func<string, Exception?, PaperChunksFormatException> error, CancellationToken cancellationToken)
    {
        while (_rowsLeftInGroup == 0)
        {
            if (_nextRowGroup == Reader!.RowGroupCount)
            {
                return false;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var index = _nextRowGroup;
            if (index % Selection.Step != Selection.Offset)
            {
                Row += SkippedRows(index, error);
                continue;
            }

            if (RowGroupStarting is { } starting)
            {
                await starting(index).ConfigureAwait(false);
            }

            try
            {
                var rowGroup = Reader.OpenRowGroupReader(_nextRowGroup++);
                if (await _check!.CheckAsync(rowGroup.RowGroup, cancellationToken).ConfigureAwait(false) is { } unsupported)
                {
                    throw error(string.Create(CultureInfo.InvariantCulture, $"row group {_nextRowGroup - 1} (from row {Row + 1}) cannot be read: {unsupported}"), null);
                }

                await loadRowGroup(rowGroup).ConfigureAwait(false);
                _rowsLeftInGroup = rowGroup.RowCount;
            }
            catch (Exception e) when (IsCorruption(e))
            {
                throw error(string.Create(CultureInfo.InvariantCulture, $"row group {_nextRowGroup - 1} (from row {Row + 1}) cannot be decoded, the file is corrupt: {e.Message}"), e);
            }
        }

        _rowsLeftInGroup--;
        Row++;
        return true;
    }

    /// <summary>Where the pages end: the footer and its 8-byte tail (length, magic) follow them.</summary>
    private async ValueTask<long> DataEndAsync(CancellationToken cancellationToken)
    {
        var tail = new byte[4];
        _stream.Seek(-8, SeekOrigin.End);
        await _stream.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        return _stream.Length - 8 - BinaryPrimitives.ReadUInt32LittleEndian(tail);
    }

    // A row group another walk reads: only its row count, from the footer.
    private long SkippedRows(int index, Func<string, Exception, PaperChunksFormatException> error)
    {
        _nextRowGroup++;
        try
        {
            return Reader!.OpenRowGroupReader(index).RowCount;
        }
        catch (Exception e) when (IsCorruption(e))
        {
            throw error(string.Create(CultureInfo.InvariantCulture, $"row group {index} (from row {Row + 1}) cannot be decoded, the file is corrupt: {e.Message}"), e);
        }
    }

    /// <summary>
    /// What Parquet.Net throws on a damaged file, as the fuzzer (Robustness/ReaderFuzzTests) found it: a bad
    /// magic or short file (IOException), a broken Snappy/Gzip page (InvalidDataException), a broken Thrift footer or page header (ThriftProtocolException),
    /// offsets and lengths read from damaged metadata that index past their buffers
    /// (ArgumentOutOfRangeException, IndexOutOfRangeException), a footer schema with no fields, rejected by
    /// the ParquetSchema constructor (ArgumentException "at least one field is required"), sizes that overflow (OverflowException), and
    /// codes for types that do not exist (InvalidCastException); and, only when Parquet.Net threw it itself, codes for
    /// encodings, codecs or types it has no case for (NotSupportedException), a page sequence its own state machine
    /// rejects, e.g. a second dictionary page (InvalidOperationException "dictionary already read"), a footer whose
    /// logical type holds a code it has no case for (NotImplementedException "Unsupported time unit") and optional
    /// footer fields it dereferences unchecked (NullReferenceException).
    /// Anything else is a bug of ours and must surface as is: among them the NotSupportedException a NativeAOT build
    /// throws from the runtime when a generic instantiation Parquet.Net makes by reflection was not compiled
    /// ("… is missing native code"), which says nothing about the file.
    /// </summary>
    internal static bool IsCorruption(Exception e) =>
        e is IOException or InvalidDataException or ThriftProtocolException or ParquetException or ArgumentException or IndexOutOfRangeException
            or OverflowException or InvalidCastException
        || (e is NotSupportedException or InvalidOperationException or NullReferenceException or NotImplementedException && IsThrownByParquet(e));

    // Exception.TargetSite needs reflection metadata that trimming may remove (IL2026); the stack trace's first
    // frame names the thrower under the JIT and under NativeAOT alike ("at Parquet.Schema.DataField..ctor(String name, …)",
    // "at Parquet.ParquetRowGroupReader.<ReadRawColumnDataBaseAsync>d__14.MoveNext() + 0x23d"). Its first word is
    // localized ("at", "bei"), so the name is taken after it. A frame NativeAOT cannot name ("at PaperChunks!
    // <BaseAddress>+0x677e75", a build with StackTraceSupport=false) is no Parquet.Net frame: the exception surfaces as is.
    internal static bool IsThrownByParquet(Exception e)
    {
        var trace = e.StackTrace.AsSpan().TrimStart();
        var end = trace.IndexOfAny('\r', '\n');
        var frame = end < 0 ? trace : trace[..end];
        var space = frame.IndexOf(' ');
        return space > 0 && frame[(space + 1)..].StartsWith("Parquet.", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Reader?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}
