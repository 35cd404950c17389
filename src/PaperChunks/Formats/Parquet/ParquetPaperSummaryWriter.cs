using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes paper-summary (ShortScience) rows to one Parquet file, column for column as their JSON Lines
/// (see <see cref="PaperSummaryColumns"/>). A path output appears only on completion.
/// </summary>
internal sealed class ParquetPaperSummaryWriter : ParquetRecordWriter<PaperSummaryRecord>
{
    /// <summary>Writes to a file, through a temporary file beside it.</summary>
    /// <param name="path">The target <c>.parquet</c> path.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public ParquetPaperSummaryWriter(string path, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(path ?? throw new ArgumentNullException(nameof(path)), null, parquetOptions, options ?? WriterOptions.Default))
    {
    }

    /// <summary>Writes to a stream the caller owns; it must be writable (left open unless <see cref="WriterOptions.LeaveOpen"/> is false).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Whether the stream is left open, or <see langword="null"/> for the defaults.</param>
    public ParquetPaperSummaryWriter(Stream output, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(null, output ?? throw new ArgumentNullException(nameof(output)), parquetOptions, options ?? WriterOptions.Default))
    {
    }

    private static ParquetFileOutput<PaperSummaryRecord, PaperSummaryColumnBatch> Open(string? path, Stream? stream, ParquetWriterOptions? options, WriterOptions writer) =>
        new(path, stream, PaperSummaryParquetSchema.Schema, SingleFile(options, "paper summaries have no dataset writer"), writer, () => new PaperSummaryColumnBatch());
}
