using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>Writes <see cref="GenericRecord"/>s as JSON Lines, fields in record order, values verbatim.</summary>
internal sealed class JsonlGenericWriter : JsonlWriter<GenericRecord>
{
    /// <summary>Writes to a file through a temporary file moved into place on completion.</summary>
    /// <param name="path">The target file (<c>.gz</c> / <c>.zst</c> compress).</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlGenericWriter(string path, WriterOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Writes to a stream, which stays open.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlGenericWriter(Stream stream, WriterOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override void WriteObject(Utf8JsonWriter writer, GenericRecord record)
    {
        writer.WriteStartObject();
        ExtraFieldsJson.Write(writer, record.Fields);
        writer.WriteEndObject();
    }
}
