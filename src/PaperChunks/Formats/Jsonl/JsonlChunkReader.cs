using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Reads chunk rows (<see cref="ChunkRecord"/>) from JSON Lines: the Hugging Face export's columns,
/// unknown fields kept, absent fields remembered.
/// </summary>
/// <example>
/// <code>
/// using var reader = new JsonlChunkReader("corpus.jsonl.zst");
/// await foreach (var chunk in reader.ReadAllAsync(ct)) Console.WriteLine(chunk.Id);
/// </code>
/// </example>
internal sealed class JsonlChunkReader : JsonlReader<ChunkRecord>
{
    private readonly ChunkJson _json;

    /// <summary>Opens a <c>.jsonl</c>, <c>.jsonl.gz</c> or <c>.jsonl.zst</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    public JsonlChunkReader(string path, ReaderOptions? options = null)
        : base(path, options) => _json = new ChunkJson(Options.MaxJsonDepth);

    /// <summary>Reads from a stream (plain, gzip or zstd, detected when the stream can seek).</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public JsonlChunkReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options) => _json = new ChunkJson(Options.MaxJsonDepth);

    /// <summary>Reads the rows of one line-aligned byte range of a plain file (see <see cref="PaperChunksReader.OpenChunkParts(string, int, ReaderOptions?, InputFormat?)"/>).</summary>
    internal JsonlChunkReader(string path, ReaderOptions? options, long start, long length)
        : base(path, options, start, length) => _json = new ChunkJson(Options.MaxJsonDepth);

    private protected override string? ShardKeyField => ChunkColumns.Doi;

    private protected override ChunkRecord ParseLine(ReadOnlySpan<byte> line) => _json.Parse(line);

    private protected override JsonLineParser<ChunkRecord> BlockParser => _json;
}
