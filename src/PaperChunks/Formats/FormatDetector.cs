using System.Text;
using System.Text.Json;
using PaperChunks.Formats.ShortScience;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// Tells an input's format and record kind from its first 64K characters (after decompression) and,
/// where content cannot tell (CSV, or a file too short to show its shape), from its extension.
/// </summary>
internal static class FormatDetector
{
    private const int SampleChars = 1 << 16;

    private static readonly byte[] ParquetMagic = "PAR1"u8.ToArray();

    public static DetectedFormat Detect(string path, InputFormat? forced, ReaderOptions options)
    {
        var (head, compression) = ReadHead(path);
        if (forced == InputFormat.Parquet || (forced is null && head.AsSpan().StartsWith(ParquetMagic)))
        {
            return new DetectedFormat(InputFormat.Parquet, RecordKindEvidence.FromHeader(ParquetColumnNames(path)), StreamCompression.None);
        }

        var (lines, whole) = SampleLines(path, options);
        var format = forced ?? FromContent(lines) ?? FromExtension(path)
            ?? throw new PaperChunksFormatException(
                path, 0, 0, null,
                "cannot tell the format from the content or the extension; expected JSON Lines, CSV, Parquet, a dataset-viewer copy or a ShortScience page (name it with --from)");
        return new DetectedFormat(format, KindOf(format, lines, whole, path), compression);
    }

    // Parquet keeps its schema in the footer: the top-level field names tell the record kind.
    private static List<string> ParquetColumnNames(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var reader = global::Parquet.ParquetReader.CreateAsync(file).GetAwaiter().GetResult();
            try
            {
                return reader.Schema.Fields.Select(f => f.Name).ToList();
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        // The same guarded boundary as the reader's: a damaged footer is the file's error, never a crash.
        catch (Exception e) when (e is UnauthorizedAccessException || Parquet.ParquetInput.IsCorruption(e))
        {
            throw new PaperChunksFormatException(path, 0, 0, null, $"expected a readable Parquet footer with a schema, found: {e.Message}", e);
        }
    }

    private static InputFormat? FromContent(List<string> lines)
    {
        var first = lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (first is null)
        {
            return null;
        }

        // Most lines, not only the first, since the first may be the damaged one.
        var rows = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (first.TrimStart().StartsWith('{') || (rows.Count >= 3 && rows.Count(l => l.TrimStart().StartsWith('{')) * 2 > rows.Count))
        {
            return InputFormat.Jsonl;
        }

        switch (ViewerLayoutDetector.Detect(lines.Take(ViewerLayoutDetector.LinesNeeded).ToList()))
        {
            case ViewerLayout.Lines:
                return InputFormat.ViewerLines;
            case ViewerLayout.Table:
                return InputFormat.ViewerTable;
        }

        if (lines.Exists(ShortScienceParser.IsVenueLine) && lines.Exists(ShortScienceParser.IsLinkLine))
        {
            return InputFormat.ShortScience;
        }

        return CsvNames(first) is { Count: >= 2 } names && RecordKindEvidence.FromHeader(names) != RecordKind.Generic ? InputFormat.Csv : null;
    }

    /// <summary>The format a file name's extension names (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>, <c>.csv</c>, <c>.parquet</c>, each optionally <c>.gz</c> / <c>.zst</c>), or null: the one place extensions are read.</summary>
    internal static InputFormat? FromExtension(string path)
    {
        var name = Path.GetFileName(path);
        if (CompressedStreams.FromExtension(name) != StreamCompression.None)
        {
            name = Path.GetFileNameWithoutExtension(name);
        }

        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" or ".json" => InputFormat.Jsonl,
            ".csv" => InputFormat.Csv,
            ".parquet" => InputFormat.Parquet,
            _ => null,
        };
    }

    private static RecordKind KindOf(InputFormat format, List<string> lines, bool whole, string path) => format switch
    {
        InputFormat.Jsonl => RecordKindEvidence.FromRows(JsonRows(lines, whole)),
        InputFormat.Csv => CsvKind(lines),
        InputFormat.ViewerLines or InputFormat.ViewerTable => ViewerKind(format, lines, whole, path),
        InputFormat.ShortScience => RecordKind.PaperSummary,
        _ => RecordKind.Chunk,
    };

    /// <summary>
    /// The sampled rows that vote on the kind: every non-blank line, each with its names and whether it is damaged
    /// (invalid JSON, or an object that the end of the file cuts). A last line that only the sample cut mid-row is
    /// left out (it may lack names), unless it is the only one: a single long row still shows its first names.
    /// </summary>
    private static List<(IReadOnlyList<string> Names, bool Damaged)> JsonRows(List<string> lines, bool whole)
    {
        var rows = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var cutBySample = !whole && rows.Count > 0 && lines[^1].Length > 0;
        if (cutBySample && rows.Count > 1)
        {
            rows.RemoveAt(rows.Count - 1);
            cutBySample = false;
        }

        return rows.Select((row, i) => JsonNames(row, cutBySample && i == rows.Count - 1)).ToList();
    }

    /// <summary>The top-level property names of a JSON object, as far as the line shows them, and whether it is damaged.</summary>
    private static (IReadOnlyList<string> Names, bool Damaged) JsonNames(string line, bool cutBySample)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    names.Add(reader.GetString()!);
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    return (names, false);
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The kind is told from the names before the damage (bad JSON, a name that is not UTF-8); the
            // reader reports the damage itself, at its line and column.
            return (names, true);
        }

        return (names, !cutBySample);
    }

    // CSV holds no generic rows in this build: a header that names no kind (destroyed, cut, or an empty file) is
    // read as chunk rows, so that the chunk reader reports the missing columns or the cut at line 1.
    private static RecordKind CsvKind(List<string> lines) =>
        RecordKindEvidence.FromHeader(CsvNames(lines.FirstOrDefault() ?? "")) is var kind && kind != RecordKind.Generic ? kind : RecordKind.Chunk;

    // A header that cannot be read is no evidence of generic rows: the chunk reader reports where it breaks. A
    // header that names no kind is not either when damage ended it early (a broken type word) and the name/type
    // pairs go on below it, or when the rows below it are plainly chunk rows.
    private static RecordKind ViewerKind(InputFormat format, List<string> lines, bool whole, string path) =>
        ViewerNames(format, lines, whole, path) is not { } names ? RecordKind.Chunk
        : RecordKindEvidence.FromHeader(names) is var kind && kind != RecordKind.Generic ? kind
        : RecordKindEvidence.FromHeader(TypedNames(lines)) is var typed && typed != RecordKind.Generic ? typed
        : RecordKindEvidence.ShowsChunkIds(ViewerCellTexts(lines)) ? RecordKind.Chunk
        : RecordKind.Generic;

    // Every line the next line types (its first word a viewer type word, "null" aside, which is a cell's value), in
    // either layout: a table's "| chunk-id" above "int64 0" as well as "chunk-id" above "int64".
    private static List<string> TypedNames(List<string> lines)
    {
        var names = new List<string>();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var next = lines[i + 1];
            var type = next.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? next[..space] : next;
            if (type != "null" && ViewerTypes.IsKnown(type))
            {
                names.Add(lines[i][(lines[i].LastIndexOf('|') + 1)..].Trim());
            }
        }

        return names;
    }

    // A viewer copy's cells well enough to find a row's doi, chunk-id and id: one per line in the lines layout,
    // split at the table's pipes in the other (a cell's own pipes only make more pieces).
    private static IEnumerable<string> ViewerCellTexts(List<string> lines) =>
        lines.SelectMany(l => l.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static List<string> CsvNames(string header) =>
        header.Split(',').Select(n => n.Trim().Trim('"')).ToList();

    private static List<string>? ViewerNames(InputFormat format, List<string> lines, bool whole, string path)
    {
        ViewerParser parser = format == InputFormat.ViewerTable ? new ViewerTableParser(path, int.MaxValue) : new ViewerLinesParser(path);
        var ignored = new List<ViewerOutput>();
        var read = 0;
        try
        {
            for (; read < lines.Count && parser.Columns is null; read++)
            {
                parser.Push(lines[read], read + 1, ignored);
                ignored.Clear();
            }
        }
        catch (PaperChunksFormatException)
        {
            return null;
        }

        // Bytes that are not UTF-8 (read here as U+FFFD) in the header or the line that ended it: no evidence either;
        // the reader stops at them with their line and column.
        // A file that ends, with no line break, in its header or at the line that ended it: cut inside its header, which
        // the reader reports.
        var cut = whole && lines[^1].Length > 0 && (parser.RowsStarted == 0 || parser.HeaderEndedAt == lines.Count);
        if (cut || lines.Take(read + 1).Any(l => l.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return null;
        }

        return parser.Columns?.Select(c => c.Name).ToList();
    }

    private static (byte[] Head, StreamCompression Compression) ReadHead(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[4];
            var n = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            return (head[..n], CompressedStreams.FromMagic(head.AsSpan(0, n)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperChunksFormatException(path, 0, 0, null, $"cannot open the file: {e.Message}", e);
        }
    }

    /// <summary>The first lines of the decompressed text, up to <see cref="SampleChars"/> characters (the last may be cut), and whether that is the whole file.</summary>
    private static (List<string> Lines, bool Whole) SampleLines(string path, ReaderOptions options)
    {
        using var stream = CompressedStreams.OpenRead(path, options);
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[SampleChars];
        var n = text.ReadBlock(buffer, 0, buffer.Length);
        var lines = new string(buffer, 0, n).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        return (lines, n < buffer.Length || text.Peek() < 0);
    }
}
