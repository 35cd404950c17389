using Parquet;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// The row-group walk every Parquet record reader shares: opens the file (footer first), loads one row
/// group at a time through the reader's callback, and counts rows.
/// </summary>
internal sealed class ParquetInput : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private int _nextRowGroup;
    private long _rowsLeftInGroup;

    private ParquetInput(Stream stream, bool ownsStream)
    {
        _stream = stream;
        _ownsStream = ownsStream;
    }

    public ParquetReader? Reader { get; private set; }

    /// <summary>1-based number of the current row across the file.</summary>
    public long Row { get; private set; }

    public static ParquetInput OpenFile(string path, Func<string, Exception, PaperChunksFormatException> error)
    {
        try
        {
            return new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.RandomAccess), true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw error($"cannot open the file: {e.Message}", e);
        }
    }

    public static ParquetInput OfStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.CanSeek
            ? new(stream, false)
            : throw new ArgumentException("Parquet needs a seekable stream: its footer is at the end.", nameof(stream));
    }

    /// <summary>Reads the footer; the caller then checks the schema.</summary>
    public async Task<ParquetReader> OpenAsync(Func<string, Exception, PaperChunksFormatException> error, CancellationToken cancellationToken)
    {
        try
        {
            Reader = await ParquetReader.CreateAsync(_stream, null, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
            return Reader;
        }
        catch (IOException e)
        {
            throw error($"expected a Parquet file, found {e.Message}", e);
        }
    }

    /// <summary>Moves to the next row, loading the next row group when needed; false at the end.</summary>
    public async ValueTask<bool> NextRowAsync(Func<ParquetRowGroupReader, ValueTask> loadRowGroup, CancellationToken cancellationToken)
    {
        while (_rowsLeftInGroup == 0)
        {
            if (_nextRowGroup == Reader!.RowGroupCount)
            {
                return false;
            }

            var rowGroup = Reader.OpenRowGroupReader(_nextRowGroup++);
            cancellationToken.ThrowIfCancellationRequested();
            await loadRowGroup(rowGroup).ConfigureAwait(false);
            _rowsLeftInGroup = rowGroup.RowCount;
        }

        _rowsLeftInGroup--;
        Row++;
        return true;
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
