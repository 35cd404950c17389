using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Writes chunk rows as JSON Lines with the Hugging Face column names in canonical order. What
/// <see cref="JsonlChunkReader"/> reads from a file this writer wrote comes back byte for byte.
/// </summary>
internal sealed class JsonlChunkWriter : JsonlWriter<ChunkRecord>
{
    /// <summary>Writes to a file (<c>.gz</c> / <c>.zst</c> compress) through a temporary file moved into place on completion.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlChunkWriter(string path, WriterOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Writes to a stream, which stays open.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlChunkWriter(Stream stream, WriterOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override void WriteObject(Utf8JsonWriter writer, ChunkRecord record) => ChunkJsonWriter.Write(writer, record);
}
