using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// The one entry point for writing, beside <see cref="PaperChunksReader"/>: the <c>Create…</c> methods return
/// the writer for a record kind in the format the path's extension names (<see cref="FormatOf"/>) or the one
/// given, with every format's settings in one <see cref="WriterOptions"/>. Chunk rows with
/// <see cref="ParquetWriterOptions.ShardRows"/>, <see cref="ParquetWriterOptions.ShardBytes"/> or
/// <see cref="ParquetWriterOptions.PartitionBy"/> set become a folder of Parquet files.
/// </summary>
public static class PaperChunksWriter
{
    /// <summary>
    /// The format a path names by its extension: <c>.jsonl</c> / <c>.ndjson</c> / <c>.json</c>, <c>.csv</c>,
    /// <c>.parquet</c>, each optionally followed by <c>.gz</c> or <c>.zst</c>; <see langword="null"/> for any other name.
    /// </summary>
    /// <param name="path">A file path.</param>
    public static OutputFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FormatDetector.FromExtension(path) switch
        {
            InputFormat.Jsonl => OutputFormat.Jsonl,
            InputFormat.Csv => OutputFormat.Csv,
            InputFormat.Parquet => OutputFormat.Parquet,
            _ => null,
        };
    }

    /// <summary>Whether records of <paramref name="kind"/> can be written as <paramref name="format"/>.</summary>
    /// <param name="kind">A record kind.</param>
    /// <param name="format">An output format.</param>
    public static bool CanWrite(RecordKind kind, OutputFormat format) => format switch
    {
        OutputFormat.Jsonl => true,
        _ => kind is not RecordKind.Generic,
    };

    /// <summary>Creates a writer of chunk rows at <paramref name="path"/> (a folder for a sharded or partitioned Parquet dataset).</summary>
    /// <param name="path">The target file or folder.</param>
    /// <param name="options">Overwriting, compression and each format's settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to take it from the extension (Parquet for a dataset folder).</param>
    /// <exception cref="ArgumentException">The format cannot be told from <paramref name="path"/>.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or it cannot be created.</exception>
    public static RecordWriter<ChunkRecord> CreateChunks(string path, WriterOptions? options = null, OutputFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= WriterOptions.Default;
        var dataset = options.Parquet.WritesFolder;
        return (format ?? FormatOf(path) ?? (dataset ? OutputFormat.Parquet : throw Unnamed(path))) switch
        {
            OutputFormat.Parquet when dataset => new ParquetChunkDatasetWriter(path, options.Parquet, options),
            OutputFormat.Parquet => new ParquetChunkWriter(path, options.Parquet, options),
            OutputFormat.Csv => new CsvChunkWriter(path, options.Csv, options),
            _ => new JsonlChunkWriter(path, options),
        };
    }

    /// <summary>Creates a writer of chunk rows to the caller's stream (left open unless <see cref="WriterOptions.LeaveOpen"/> is false).</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="options">Compression and each format's settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    /// <exception cref="ArgumentException">Sharding or partitioning was asked for, which needs a folder.</exception>
    public static RecordWriter<ChunkRecord> CreateChunks(Stream stream, WriterOptions? options = null, OutputFormat format = OutputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= WriterOptions.Default;
        return format switch
        {
            OutputFormat.Parquet => new ParquetChunkWriter(stream, options.Parquet, options),
            OutputFormat.Csv => new CsvChunkWriter(stream, options.Csv, options),
            _ => new JsonlChunkWriter(stream, options),
        };
    }

    /// <summary>Creates a writer of SciTLDR rows (JSON Lines, CSV or Parquet) at <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="shape">The on-disk shape of <c>source</c> and <c>target</c>: lists of sentences or one string each.</param>
    /// <param name="options">Overwriting, compression, Parquet layout, CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to take it from the extension.</param>
    /// <exception cref="ArgumentException">The format cannot be told.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or it cannot be created.</exception>
    public static RecordWriter<SummarizationRecord> CreateSummarization(
        string path, SummarizationShape shape = SummarizationShape.List, WriterOptions? options = null, OutputFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= WriterOptions.Default;
        return Checked(path, format, RecordKind.Summarization) switch
        {
            OutputFormat.Parquet => new ParquetSummarizationWriter(path, shape, options.Parquet, options),
            OutputFormat.Csv => new CsvSummarizationWriter(path, shape, options.Csv, options),
            _ => new JsonlSummarizationWriter(path, shape, options),
        };
    }

    /// <summary>Creates a writer of SciTLDR rows to the caller's stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="shape">The on-disk shape of <c>source</c> and <c>target</c>.</param>
    /// <param name="options">Compression, Parquet layout, CSV settings, leave-open, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    public static RecordWriter<SummarizationRecord> CreateSummarization(
        Stream stream, SummarizationShape shape = SummarizationShape.List, WriterOptions? options = null, OutputFormat format = OutputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= WriterOptions.Default;
        return format switch
        {
            OutputFormat.Parquet => new ParquetSummarizationWriter(stream, shape, options.Parquet, options),
            OutputFormat.Csv => new CsvSummarizationWriter(stream, shape, options.Csv, options),
            _ => new JsonlSummarizationWriter(stream, shape, options),
        };
    }

    /// <summary>Creates a writer of paper summaries (ShortScience entries; JSON Lines, CSV or Parquet) at <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="options">Overwriting, compression, Parquet layout, CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to take it from the extension.</param>
    /// <exception cref="ArgumentException">The format cannot be told.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or it cannot be created.</exception>
    public static RecordWriter<PaperSummaryRecord> CreatePaperSummaries(string path, WriterOptions? options = null, OutputFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= WriterOptions.Default;
        return Checked(path, format, RecordKind.PaperSummary) switch
        {
            OutputFormat.Parquet => new ParquetPaperSummaryWriter(path, options.Parquet, options),
            OutputFormat.Csv => new CsvPaperSummaryWriter(path, options.Csv, options),
            _ => new JsonlPaperSummaryWriter(path, options),
        };
    }

    /// <summary>Creates a writer of paper summaries to the caller's stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="options">Compression, Parquet layout, CSV settings, leave-open, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    public static RecordWriter<PaperSummaryRecord> CreatePaperSummaries(Stream stream, WriterOptions? options = null, OutputFormat format = OutputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= WriterOptions.Default;
        return format switch
        {
            OutputFormat.Parquet => new ParquetPaperSummaryWriter(stream, options.Parquet, options),
            OutputFormat.Csv => new CsvPaperSummaryWriter(stream, options.Csv, options),
            _ => new JsonlPaperSummaryWriter(stream, options),
        };
    }

    /// <summary>Creates a writer of reassembled papers (JSON Lines or Parquet) at <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="options">Overwriting, compression, Parquet layout, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to take it from the extension.</param>
    /// <exception cref="ArgumentException">The format cannot be told, or is CSV.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or it cannot be created.</exception>
    public static RecordWriter<PaperRecord> CreatePapers(string path, WriterOptions? options = null, OutputFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= WriterOptions.Default;
        return CheckedPapers(path, format) == OutputFormat.Parquet
            ? new ParquetPaperWriter(path, options.Parquet, options)
            : new JsonlPaperWriter(path, options);
    }

    /// <summary>Creates a writer of reassembled papers to the caller's stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="options">Compression, Parquet layout, leave-open, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    /// <exception cref="ArgumentException">The format is CSV.</exception>
    public static RecordWriter<PaperRecord> CreatePapers(Stream stream, WriterOptions? options = null, OutputFormat format = OutputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= WriterOptions.Default;
        return CheckedPapers("<stream>", format) == OutputFormat.Parquet
            ? new ParquetPaperWriter(stream, options.Parquet, options)
            : new JsonlPaperWriter(stream, options);
    }

    /// <summary>Creates a writer of rows of any column set (JSON Lines only) at <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="options">Overwriting and compression, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to take it from the extension; only JSON Lines holds any column set.</param>
    /// <exception cref="ArgumentException">The format cannot be told, or is not JSON Lines.</exception>
    /// <exception cref="PaperChunksOutputException">The output exists and overwriting is off, or it cannot be created.</exception>
    public static RecordWriter<GenericRecord> CreateGeneric(string path, WriterOptions? options = null, OutputFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Checked(path, format, RecordKind.Generic);
        return new JsonlGenericWriter(path, options);
    }

    /// <summary>Creates a writer of rows of any column set (JSON Lines) to the caller's stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="options">Compression and leave-open, or <see langword="null"/> for the defaults.</param>
    public static RecordWriter<GenericRecord> CreateGeneric(Stream stream, WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new JsonlGenericWriter(stream, options);
    }

    private static OutputFormat Checked(string path, OutputFormat? format, RecordKind kind)
    {
        var chosen = format ?? FormatOf(path) ?? throw Unnamed(path);
        return CanWrite(kind, chosen)
            ? chosen
            : throw new ArgumentException(
                $"{path}: {new DetectedFormat(InputFormat.Jsonl, kind, StreamCompression.None).KindName} rows cannot be written as {NameOf(chosen)}; write JSON Lines.",
                nameof(format));
    }

    private static OutputFormat CheckedPapers(string path, OutputFormat? format)
    {
        var chosen = format ?? FormatOf(path) ?? throw Unnamed(path);
        return chosen == OutputFormat.Csv
            ? throw new ArgumentException($"{path}: papers cannot be written as CSV; write JSON Lines or Parquet.", nameof(format))
            : chosen;
    }

    private static string NameOf(OutputFormat format) => format switch
    {
        OutputFormat.Csv => "CSV",
        OutputFormat.Parquet => "Parquet",
        _ => "JSON Lines",
    };

    private static ArgumentException Unnamed(string path) =>
        new($"Cannot tell the output format from \"{path}\"; name it .jsonl, .csv or .parquet (optionally .gz or .zst for text), or give the format.", nameof(path));
}
