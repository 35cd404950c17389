using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>Reads JSON Lines of any shape as <see cref="GenericRecord"/>s: each top-level field as raw JSON, in file order.</summary>
internal sealed class JsonlGenericReader : JsonlReader<GenericRecord>
{
    private readonly JsonReaderOptions _options;

    /// <summary>Opens a file (plain, <c>.gz</c> or <c>.zst</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    public JsonlGenericReader(string path, ReaderOptions? options = null)
        : base(path, options) => _options = new JsonReaderOptions { MaxDepth = Options.MaxJsonDepth };

    /// <summary>Reads from a stream.</summary>
    /// <param name="stream">The input; disposed with the reader.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public JsonlGenericReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options) => _options = new JsonReaderOptions { MaxDepth = Options.MaxJsonDepth };

    private protected override GenericRecord ParseLine(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, _options);
        if (JsonValues.Next(ref reader, line) != JsonTokenType.StartObject)
        {
            throw JsonValues.Unexpected(ref reader, line, null, "a JSON object for the row");
        }

        var fields = new List<ExtraField>();
        while (JsonValues.Next(ref reader, line) == JsonTokenType.PropertyName)
        {
            var name = JsonValues.PropertyName(ref reader, line);
            JsonValues.Next(ref reader, line);
            fields.Add(new ExtraField(name, JsonValues.RawValue(ref reader, line, name)));
        }

        return new GenericRecord { Fields = fields };
    }
}
