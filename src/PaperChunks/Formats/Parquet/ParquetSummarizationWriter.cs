using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Writes SciTLDR summarization rows to one Parquet file in the Hugging Face export's schema: in the list
/// shape <c>source</c> and <c>target</c> are lists of sentences, in the flattened shape one string each;
/// <c>source_labels</c> list&lt;int64&gt;, <c>rouge_scores</c> list&lt;double&gt; (null when a record has
/// none), <c>paper_id</c> and <c>title</c> strings. A path output appears only on completion.
/// </summary>
internal sealed class ParquetSummarizationWriter : ParquetRecordWriter<SummarizationRecord>
{
    /// <summary>Writes to a file, through a temporary file beside it.</summary>
    /// <param name="path">The target <c>.parquet</c> path.</param>
    /// <param name="shape">The on-disk shape of <c>source</c> and <c>target</c>.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Overwrite setting, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public ParquetSummarizationWriter(
        string path, SummarizationShape shape = SummarizationShape.List, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(path ?? throw new ArgumentNullException(nameof(path)), null, shape, parquetOptions, options ?? WriterOptions.Default))
    {
    }

    /// <summary>Writes to a stream the caller owns; it must be writable (left open unless <see cref="WriterOptions.LeaveOpen"/> is false).</summary>
    /// <param name="output">The destination.</param>
    /// <param name="shape">The on-disk shape of <c>source</c> and <c>target</c>.</param>
    /// <param name="parquetOptions">Layout settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Whether the stream is left open, or <see langword="null"/> for the defaults.</param>
    public ParquetSummarizationWriter(Stream output, SummarizationShape shape = SummarizationShape.List, ParquetWriterOptions? parquetOptions = null, WriterOptions? options = null)
        : base(Open(null, output ?? throw new ArgumentNullException(nameof(output)), shape, parquetOptions, options ?? WriterOptions.Default))
    {
    }

    private static ParquetFileOutput<SummarizationRecord, SummarizationColumnBatch> Open(
        string? path, Stream? stream, SummarizationShape shape, ParquetWriterOptions? options, WriterOptions writer) =>
        new(path, stream, SummarizationParquetSchema.For(shape), SingleFile(options, "summarization rows have no dataset writer"), writer, () => new SummarizationColumnBatch(shape));
}
