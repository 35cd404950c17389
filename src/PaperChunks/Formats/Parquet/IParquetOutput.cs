namespace PaperChunks.Formats.Parquet;

/// <summary>A Parquet output taking records of one type, as <see cref="ParquetRecordWriter{T}"/> drives it.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal interface IParquetOutput<in T> : IAsyncDisposable
{
    string Target { get; }

    long BytesWritten { get; }

    long BufferedBytes { get; }

    ValueTask WriteAsync(T record, CancellationToken cancellationToken);

    ValueTask FlushRowGroupAsync(CancellationToken cancellationToken);

    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
