using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Parquet;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.ShortScience;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// The one entry point for reading any input: <see cref="Detect"/> tells its format and record kind
/// from content and extension, and the <c>Open…</c> methods return the matching reader (or the reader
/// for a format given explicitly, as <c>--from</c> does).
/// </summary>
public static class PaperChunksReader
{
    /// <summary>The format names <see cref="ParseFormat"/> accepts, as the tool prints them.</summary>
    public static IReadOnlyList<string> FormatNames { get; } =
        ["jsonl", "jsonl.gz", "jsonl.zst", "csv", "parquet", "viewer-lines", "viewer-table", "shortscience"];

    /// <summary>Tells an input's format, record kind and compression.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings (decompression limits), or <see langword="null"/> for the defaults.</param>
    /// <param name="format">A format to take as given (only the kind is then detected), or <see langword="null"/> to detect it.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened, or neither its content nor its extension tells its format.</exception>
    public static DetectedFormat Detect(string path, ReaderOptions? options = null, InputFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ReaderOptions.Default;
        // A dataset folder is what its split's first file is.
        return FormatDetector.Detect(Directory.Exists(path) ? HubDataset.HubDatasetFolder.Files(path, options.Split)[0] : path, format, options);
    }

    /// <summary>The name of a format as the tool prints it, e.g. <c>viewer-table</c>.</summary>
    /// <param name="format">The format.</param>
    public static string NameOf(InputFormat format) => format switch
    {
        InputFormat.Jsonl => "jsonl",
        InputFormat.Csv => "csv",
        InputFormat.Parquet => "parquet",
        InputFormat.ViewerLines => "viewer-lines",
        InputFormat.ViewerTable => "viewer-table",
        InputFormat.ShortScience => "shortscience",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The format a name stands for (<c>jsonl</c>, <c>jsonl.zst</c>, <c>viewer-lines</c>, …; see <see cref="FormatNames"/>).</summary>
    /// <param name="name">The name, case-insensitive.</param>
    /// <exception cref="ArgumentException">The name is not one of <see cref="FormatNames"/>.</exception>
    public static InputFormat ParseFormat(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "jsonl" or "jsonl.gz" or "jsonl.zst" => InputFormat.Jsonl,
            "csv" => InputFormat.Csv,
            "parquet" => InputFormat.Parquet,
            "viewer-lines" => InputFormat.ViewerLines,
            "viewer-table" => InputFormat.ViewerTable,
            "shortscience" => InputFormat.ShortScience,
            _ => throw new ArgumentException($"Unknown format \"{name}\"; expected one of {string.Join(", ", FormatNames)}.", nameof(name)),
        };
    }

    /// <summary>
    /// Opens chunk rows from JSON Lines, CSV, Parquet or a dataset-viewer copy (either layout), or from a dataset
    /// folder: one split (<see cref="ReaderOptions.Split"/>) of a local clone of a Hugging Face dataset repository,
    /// its files read in name order as one input.
    /// </summary>
    /// <param name="path">The file (plain, <c>.gz</c> or <c>.zst</c>), or a dataset folder.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened, its format cannot be told, or it holds no chunk rows this build can read; a dataset folder lacks the split asked for (the message names its splits) or has several and none was asked for.</exception>
    public static RecordReader<ChunkRecord> OpenChunks(string path, ReaderOptions? options = null, InputFormat? format = null) =>
        Directory.Exists(path) ? new HubDataset.HubDatasetChunkReader(path, options) : FormatOf(path, format, options) switch
        {
            InputFormat.Jsonl => new JsonlChunkReader(path, options),
            InputFormat.ViewerLines => new ViewerChunkReader(path, options, ViewerLayout.Lines),
            InputFormat.ViewerTable => new ViewerChunkReader(path, options, ViewerLayout.Table),
            InputFormat.Csv => new CsvChunkReader(path, options),
            InputFormat.Parquet => new ParquetChunkReader(path, options),
            var other => throw NotReadable(path, other, RecordKind.Chunk),
        };

    /// <summary>
    /// Opens chunk rows as consecutive parts of one input, each reader to be read on a thread of its
    /// own (as <see cref="Reassembly.PaperReassembler.Reassemble(IReadOnlyList{IEnumerable{ChunkRecord}})"/>
    /// does). A plain (uncompressed) JSON Lines file of at least 64 MB is cut at line starts into up to
    /// <paramref name="parts"/> readers; any other input comes back as one reader. Together the readers
    /// return the rows of <see cref="OpenChunks(string, ReaderOptions?, InputFormat?)"/> in the same order, and their errors name the file's
    /// own line numbers.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="parts">How many parts at most (the number of threads that will read them).</param>
    /// <param name="options">Reader settings for every part, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <exception cref="PaperChunksFormatException">As for <see cref="OpenChunks(string, ReaderOptions?, InputFormat?)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1.</exception>
    public static IReadOnlyList<RecordReader<ChunkRecord>> OpenChunkParts(string path, int parts, ReaderOptions? options = null, InputFormat? format = null) =>
        OpenChunkParts(path, parts, options, format, JsonlFileParts.MinPartBytes);

    /// <summary><see cref="OpenChunkParts(string, int, ReaderOptions?, InputFormat?)"/> with a given smallest part (tests cut small files).</summary>
    internal static IReadOnlyList<RecordReader<ChunkRecord>> OpenChunkParts(string path, int parts, ReaderOptions? options, InputFormat? format, long minPartBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        var detected = Detect(path, options, format);
        if (parts == 1 || detected.Format != InputFormat.Jsonl || detected.Compression != StreamCompression.None)
        {
            return [OpenChunks(path, options, detected.Format)];
        }

        var ranges = JsonlFileParts.Split(path, parts, minPartBytes);
        // Each of several parts has a thread of its own already: its lines are parsed on that thread.
        var partOptions = ranges.Count == 1 ? options : (options ?? ReaderOptions.Default) with { MaxDegreeOfParallelism = 1 };
        return ranges
            .Select(range => (RecordReader<ChunkRecord>)new JsonlChunkReader(path, partOptions, range.Start, range.Length))
            .ToList();
    }

    /// <summary>Opens SciTLDR rows from JSON Lines, CSV, Parquet or a dataset-viewer copy.</summary>
    /// <param name="path">The file (plain, <c>.gz</c> or <c>.zst</c>).</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened, its format cannot be told, or it holds no summarization rows this build can read.</exception>
    public static RecordReader<SummarizationRecord> OpenSummarization(string path, ReaderOptions? options = null, InputFormat? format = null) =>
        FormatOf(path, format, options) switch
        {
            InputFormat.Jsonl => new JsonlSummarizationReader(path, options),
            InputFormat.Csv => new CsvSummarizationReader(path, options),
            InputFormat.ViewerLines => new ViewerSummarizationReader(path, options, ViewerLayout.Lines),
            InputFormat.ViewerTable => new ViewerSummarizationReader(path, options, ViewerLayout.Table),
            InputFormat.Parquet => new ParquetSummarizationReader(path, options),
            var other => throw NotReadable(path, other, RecordKind.Summarization),
        };

    /// <summary>Opens paper summaries from a ShortScience page copy, JSON Lines, CSV or Parquet.</summary>
    /// <param name="path">The file (plain, <c>.gz</c> or <c>.zst</c>).</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened, its format cannot be told, or it holds no paper summaries.</exception>
    public static RecordReader<PaperSummaryRecord> OpenPaperSummaries(string path, ReaderOptions? options = null, InputFormat? format = null) =>
        FormatOf(path, format, options) switch
        {
            InputFormat.ShortScience => new ShortScienceReader(path, options),
            InputFormat.Jsonl => new JsonlPaperSummaryReader(path, options),
            InputFormat.Csv => new CsvPaperSummaryReader(path, options),
            InputFormat.Parquet => new ParquetPaperSummaryReader(path, options),
            var other => throw NotReadable(path, other, RecordKind.PaperSummary),
        };

    /// <summary>Opens rows of any column set, each cell as JSON, from JSON Lines or a dataset-viewer copy.</summary>
    /// <param name="path">The file (plain, <c>.gz</c> or <c>.zst</c>).</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened, its format cannot be told, or it cannot be read generically.</exception>
    public static RecordReader<GenericRecord> OpenGeneric(string path, ReaderOptions? options = null, InputFormat? format = null) =>
        FormatOf(path, format, options) switch
        {
            InputFormat.Jsonl => new JsonlGenericReader(path, options),
            InputFormat.ViewerLines => new ViewerGenericReader(path, options, ViewerLayout.Lines),
            InputFormat.ViewerTable => new ViewerGenericReader(path, options, ViewerLayout.Table),
            var other => throw NotReadable(path, other, RecordKind.Generic),
        };

    /// <summary>Opens chunk rows from the caller's stream (left open), in a format that must be given: a stream has no name to detect from.</summary>
    /// <param name="stream">The input; gzip or zstd content is decompressed when the stream can seek.</param>
    /// <param name="options">Reader settings (<see cref="ReaderOptions.SourceName"/> names the stream in errors), or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    /// <exception cref="PaperChunksFormatException">The format holds no chunk rows this build can read.</exception>
    public static RecordReader<ChunkRecord> OpenChunks(Stream stream, ReaderOptions? options = null, InputFormat format = InputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format switch
        {
            InputFormat.Jsonl => new JsonlChunkReader(stream, options),
            InputFormat.ViewerLines => new ViewerChunkReader(stream, options, ViewerLayout.Lines),
            InputFormat.ViewerTable => new ViewerChunkReader(stream, options, ViewerLayout.Table),
            InputFormat.Csv => new CsvChunkReader(stream, options),
            InputFormat.Parquet => new ParquetChunkReader(stream, options),
            var other => throw NotReadable(options?.SourceName ?? "<stream>", other, RecordKind.Chunk),
        };
    }

    /// <summary>Opens SciTLDR rows from the caller's stream (left open), in a format that must be given.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    /// <exception cref="PaperChunksFormatException">The format holds no summarization rows this build can read.</exception>
    public static RecordReader<SummarizationRecord> OpenSummarization(Stream stream, ReaderOptions? options = null, InputFormat format = InputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format switch
        {
            InputFormat.Jsonl => new JsonlSummarizationReader(stream, options),
            InputFormat.Csv => new CsvSummarizationReader(stream, options),
            InputFormat.ViewerLines => new ViewerSummarizationReader(stream, options, ViewerLayout.Lines),
            InputFormat.ViewerTable => new ViewerSummarizationReader(stream, options, ViewerLayout.Table),
            InputFormat.Parquet => new ParquetSummarizationReader(stream, options),
            var other => throw NotReadable(options?.SourceName ?? "<stream>", other, RecordKind.Summarization),
        };
    }

    /// <summary>Opens paper summaries from the caller's stream (left open), in a format that must be given.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    /// <exception cref="PaperChunksFormatException">The format holds no paper summaries.</exception>
    public static RecordReader<PaperSummaryRecord> OpenPaperSummaries(Stream stream, ReaderOptions? options = null, InputFormat format = InputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format switch
        {
            InputFormat.ShortScience => new ShortScienceReader(stream, options),
            InputFormat.Jsonl => new JsonlPaperSummaryReader(stream, options),
            InputFormat.Csv => new CsvPaperSummaryReader(stream, options),
            InputFormat.Parquet => new ParquetPaperSummaryReader(stream, options),
            var other => throw NotReadable(options?.SourceName ?? "<stream>", other, RecordKind.PaperSummary),
        };
    }

    /// <summary>Opens rows of any column set from the caller's stream (left open), in a format that must be given.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="format">The format (default JSON Lines).</param>
    /// <exception cref="PaperChunksFormatException">The format cannot be read generically.</exception>
    public static RecordReader<GenericRecord> OpenGeneric(Stream stream, ReaderOptions? options = null, InputFormat format = InputFormat.Jsonl)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format switch
        {
            InputFormat.Jsonl => new JsonlGenericReader(stream, options),
            InputFormat.ViewerLines => new ViewerGenericReader(stream, options, ViewerLayout.Lines),
            InputFormat.ViewerTable => new ViewerGenericReader(stream, options, ViewerLayout.Table),
            var other => throw NotReadable(options?.SourceName ?? "<stream>", other, RecordKind.Generic),
        };
    }

    private static InputFormat FormatOf(string path, InputFormat? format, ReaderOptions? options) =>
        format ?? Detect(path, options).Format;

    private static PaperChunksFormatException NotReadable(string path, InputFormat format, RecordKind kind) =>
        new(path, 0, 0, null, $"reading {new DetectedFormat(format, kind, StreamCompression.None).KindName} rows from {NameOf(format)} input is not supported by this build");
}
