using Parquet;

namespace PaperChunks.Formats.Parquet;

/// <summary>The rows of one row group, buffered column by column until they are written.</summary>
internal interface IRowGroupBatch : IDisposable
{
    int RowCount { get; }

    long Bytes { get; }

    Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken);

    void Clear();
}

/// <summary>A row-group batch that takes records of one type.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal interface IRowGroupBatch<in T> : IRowGroupBatch
{
    void Add(T row);
}
