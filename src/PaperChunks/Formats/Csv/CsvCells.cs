using System.Buffers;
using System.Text.Json;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// List and struct columns inside a CSV cell, as JSON the way the Hugging Face CSV export writes them:
/// <c>["Laurent Dinh","Razvan Pascanu"]</c>, <c>[{"id":"1609.03193"}]</c> (or <c>["1609.03193"]</c>).
/// </summary>
internal static class CsvCells
{
    private const string ExpectedReferences = "expected a JSON list of {\"id\": string} objects or of arXiv id strings";
    private const string InvalidUtf8 = "expected UTF-8 text in the JSON list, found invalid bytes";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MinimalJsonEncoder.Instance, SkipValidation = true };

    public static ReadOnlySpan<byte> Strings(ArrayBufferWriter<byte> buffer, IReadOnlyList<string> items)
    {
        buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        json.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            json.WriteStringValue(items[i]);
        }

        json.WriteEndArray();
        json.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Writes <c>[{"id":"…"}]</c>, or <c>["…"]</c> when <paramref name="bareIds"/>.</summary>
    public static ReadOnlySpan<byte> References(ArrayBufferWriter<byte> buffer, IReadOnlyList<PaperReference> items, bool bareIds = false)
    {
        buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        json.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (bareIds)
            {
                json.WriteStringValue(items[i].Id);
                continue;
            }

            json.WriteStartObject();
            json.WriteString("id"u8, items[i].Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Parses <c>["a","b"]</c>; an empty cell is an empty list. Null on bad JSON, with the reason.</summary>
    public static string[]? ParseStrings(ReadOnlySpan<byte> cell, out string? error)
    {
        error = null;
        if (cell.IsEmpty)
        {
            return [];
        }

        var items = new List<string>();
        try
        {
            var json = new Utf8JsonReader(cell);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                error = "expected a JSON list of strings";
                return null;
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (json.TokenType != JsonTokenType.String)
                {
                    error = $"expected a JSON list of strings, found {json.TokenType} in it";
                    return null;
                }

                if (Utf8String(ref json) is not { } item)
                {
                    error = InvalidUtf8;
                    return null;
                }

                items.Add(item);
            }

            return Finished(ref json, out error) ? [.. items] : null;
        }
        catch (JsonException e)
        {
            error = $"expected a JSON list of strings: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// Parses <c>[{"id":"…"}]</c> or <c>["…"]</c> (bare ids); an empty cell is an empty list. Null on bad JSON, with
    /// the reason; <paramref name="kind"/> is the variant the items show (<see langword="null"/> for an empty list).
    /// </summary>
    public static PaperReference[]? ParseReferences(ReadOnlySpan<byte> cell, out ChunkColumnType? kind, out string? error)
    {
        error = null;
        kind = null;
        if (cell.IsEmpty)
        {
            return [];
        }

        var items = new List<PaperReference>();
        try
        {
            var json = new Utf8JsonReader(cell);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                error = ExpectedReferences;
                return null;
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                var found = json.TokenType == JsonTokenType.String ? ChunkColumnType.StringList : ChunkColumnType.IdStructList;
                if (kind is { } first && first != found)
                {
                    error = ChunkColumnTypes.Mixed(first, found);
                    return null;
                }

                kind = found;
                var id = found == ChunkColumnType.StringList ? Utf8String(ref json) : IdObject(ref json, ref error);
                if (id is null)
                {
                    error ??= InvalidUtf8;
                    return null;
                }

                items.Add(new PaperReference(id));
            }

            return Finished(ref json, out error) ? [.. items] : null;
        }
        catch (JsonException e)
        {
            error = $"{ExpectedReferences}: {e.Message}";
            return null;
        }
    }

    private static string? IdObject(ref Utf8JsonReader json, ref string? error)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            error = ExpectedReferences;
            return null;
        }

        string? id = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var isId = json.ValueTextEquals("id"u8);
            json.Read();
            if (isId && json.TokenType == JsonTokenType.String)
            {
                id = Utf8String(ref json);
                if (id is null)
                {
                    error = InvalidUtf8;
                    return null;
                }
            }
            else
            {
                json.Skip();
            }
        }

        error = id is null ? ExpectedReferences : null;
        return id;
    }

    // Utf8JsonReader validates structure, not the bytes inside strings: GetString throws
    // InvalidOperationException (wrapping DecoderFallbackException) on invalid UTF-8. Found by the fuzzer.
    private static string? Utf8String(ref Utf8JsonReader json)
    {
        try
        {
            return json.GetString();
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool Finished(ref Utf8JsonReader json, out string? error)
    {
        error = json.TokenType == JsonTokenType.EndArray && !json.Read() ? null : "expected the JSON list to end the cell";
        return error is null;
    }
}
