using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes reassembled papers (<see cref="PaperRecord"/>) to one Parquet file: the paper metadata as in the
/// chunk schema, then <c>text</c>, <c>chunk_count</c>, <c>missing_chunk_ids</c>, <c>duplicate_chunk_ids</c>
/// and <c>spans</c> (names as <see cref="PaperColumns"/>). A path output appears only on completion.
/// </summary>
internal sealed class ParquetPaperWriter : ParquetRecordWriter<PaperRecord>
{
    /// <summary>Writes to a file, through a temporary file beside it.</summary>
    /// <param name="path">The target <c>.parquet</c> path.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public ParquetPaperWriter(string path, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(path ?? throw new ArgumentNullException(nameof(path)), null, parquetOptions, options ?? WriterOptions.Default))
    {
    }

    /// <summary>Writes to a stream the caller owns; it must be writable (left open unless <see cref="WriterOptions.LeaveOpen"/> is false).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Whether the stream is left open, or <see langword="null"/> for the defaults.</param>
    public ParquetPaperWriter(Stream output, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(null, output ?? throw new ArgumentNullException(nameof(output)), parquetOptions, options ?? WriterOptions.Default))
    {
    }

    // A paper's text is one value, so its column chunk is nearly the whole row group and Parquet.Net holds it
    // several times while encoding (ParquetWriterOptions.RowGroupBytes): papers get smaller row groups than rows.
    private static ParquetFileOutput<PaperRecord, PaperColumnBatch> Open(string? path, Stream? stream, ParquetWriterOptions? options, WriterOptions writer)
    {
        var single = SingleFile(options, "papers have no dataset writer");
        single = single with { RowGroupBytes = single.RowGroupBytes ?? ParquetWriterOptions.RowGroupBytesForPapers };
        return new(path, stream, PaperParquetSchema.Schema, single, writer, () => new PaperColumnBatch());
    }
}
