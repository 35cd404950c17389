using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>Writes SciTLDR-style rows as JSON Lines in the shape asked for (list by default).</summary>
internal sealed class JsonlSummarizationWriter : JsonlWriter<SummarizationRecord>
{
    private readonly SummarizationShape _shape;

    /// <summary>Writes to a file through a temporary file moved into place on completion.</summary>
    /// <param name="path">The target file (<c>.gz</c> / <c>.zst</c> compress).</param>
    /// <param name="shape">List shape (SciTLDR jsonl) or flattened (one string each).</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlSummarizationWriter(string path, SummarizationShape shape = SummarizationShape.List, WriterOptions? options = null)
        : base(path, options) => _shape = shape;

    /// <summary>Writes to a stream, which stays open.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="shape">List shape (SciTLDR jsonl) or flattened (one string each).</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlSummarizationWriter(Stream stream, SummarizationShape shape = SummarizationShape.List, WriterOptions? options = null)
        : base(stream, options) => _shape = shape;

    private protected override void WriteObject(Utf8JsonWriter writer, SummarizationRecord record) =>
        SummarizationJson.Write(writer, record, _shape);
}
