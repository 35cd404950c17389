using System.Buffers;
using System.Text.Json;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// List and struct columns inside a CSV cell, as JSON: <c>["Laurent Dinh","Razvan Pascanu"]</c>,
/// <c>[{"id":"1609.03193"}]</c> (or <c>["1609.03193"]</c>), <c>[0,1,0]</c>. (The <c>datasets</c> library's own <c>to_csv</c> goes through
/// pandas and prints numpy arrays, <c>[ 98 117 108]</c>, which nothing reads back: huggingface/datasets#6778.)
/// Columns a record does not model hold their JSON value, see <see cref="ExtraCell"/>.
/// </summary>
internal static class CsvCells
{
    private const string ExpectedReferences = "expected a JSON list of {\"id\": string} objects or of arXiv id strings";
    private const string InvalidUtf8 = "expected UTF-8 text in the JSON list, found invalid bytes";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MinimalJsonEncoder.Instance, SkipValidation = true };

    public static ReadOnlySpan<byte> Strings(ArrayBufferWriter<byte> buffer, IReadOnlyList<string> items) =>
        List(buffer, items, static (json, item) => json.WriteStringValue(item));

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

    public static ReadOnlySpan<byte> Integers(ArrayBufferWriter<byte> buffer, IReadOnlyList<int> items) =>
        List(buffer, items, static (json, item) => json.WriteNumberValue(item));

    // The same number text the JSON Lines writer prints (Utf8JsonWriter's shortest round-trip form).
    public static ReadOnlySpan<byte> Numbers(ArrayBufferWriter<byte> buffer, IReadOnlyList<double> items) =>
        List(buffer, items, static (json, item) => json.WriteNumberValue(item));

    /// <summary>
    /// The cell for a value kept as JSON (<see cref="ExtraField.Json"/>): numbers, booleans, lists, objects and
    /// <c>null</c> as their JSON text; a string as its bare text, unless that text is empty or would itself read
    /// as JSON (<c>true</c>, <c>12</c>, <c>"x"</c>), which is then written as a JSON string. <see cref="ExtraJson"/>
    /// undoes exactly this, so every value comes back with its type.
    /// </summary>
    public static string ExtraCell(string json)
    {
        var value = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        if (!value.Read() || value.TokenType != JsonTokenType.String)
        {
            return json;
        }

        var text = value.GetString()!;
        return text.Length == 0 || IsJson(text) ? json : text;
    }

    /// <summary>The JSON of a cell written by <see cref="ExtraCell"/>: the cell itself when it is one JSON value, else the cell as a JSON string.</summary>
    public static string ExtraJson(string cell) =>
        IsJson(cell) ? cell : ExtraColumnSet.TextToJson(cell);

    private static ReadOnlySpan<byte> List<TItem>(ArrayBufferWriter<byte> buffer, IReadOnlyList<TItem> items, Action<Utf8JsonWriter, TItem> write)
    {
        buffer.ResetWrittenCount();
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        json.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            write(json, items[i]);
        }

        json.WriteEndArray();
        json.Flush();
        return buffer.WrittenSpan;
    }

    private static bool IsJson(string text)
    {
        var first = text.AsSpan().TrimStart();
        // Only these can start a JSON value; the check keeps ordinary text off the exception path.
        if (first.IsEmpty || first[0] is not ('"' or '[' or '{' or '-' or 't' or 'f' or 'n' or (>= '0' and <= '9')))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether a cell is a JSON list of strings (how a list-shaped SciTLDR column is told from a text one).</summary>
    public static bool IsStringList(ReadOnlySpan<byte> cell) =>
        !cell.IsEmpty && cell[0] == (byte)'[' && ParseStrings(cell, out _) is not null;

    /// <summary>Parses <c>[0,1,0]</c>; an empty cell is an empty list. Null on bad JSON, with the reason.</summary>
    public static int[]? ParseIntegers(ReadOnlySpan<byte> cell, out string? error) =>
        ParseList(cell, "expected a JSON list of integers", static (ref Utf8JsonReader json, out int item, out string? error) =>
        {
            item = 0;
            return Number(ref json, json.TokenType == JsonTokenType.Number && json.TryGetInt32(out item), "expected a JSON list of integers", out error);
        }, out error);

    /// <summary>Parses <c>[0.5,0.125]</c>; an empty cell is an empty list. Null on bad JSON, with the reason.</summary>
    public static double[]? ParseDoubles(ReadOnlySpan<byte> cell, out string? error) =>
        ParseList(cell, "expected a JSON list of numbers", static (ref Utf8JsonReader json, out double item, out string? error) =>
        {
            item = 0;
            return Number(ref json, json.TokenType == JsonTokenType.Number && json.TryGetDouble(out item), "expected a JSON list of numbers", out error);
        }, out error);

    private delegate bool ItemReader<TItem>(ref Utf8JsonReader json, out TItem item, out string? error);

    private static TItem[]? ParseList<TItem>(ReadOnlySpan<byte> cell, string expected, ItemReader<TItem> read, out string? error)
    {
        error = null;
        if (cell.IsEmpty)
        {
            return [];
        }

        var items = new List<TItem>();
        try
        {
            var json = new Utf8JsonReader(cell);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                error = expected;
                return null;
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (!read(ref json, out var item, out error))
                {
                    return null;
                }

                items.Add(item);
            }

            return Finished(ref json, out error) ? [.. items] : null;
        }
        catch (JsonException e)
        {
            error = $"{expected}: {e.Message}";
            return null;
        }
    }

    private static bool Number(ref Utf8JsonReader json, bool parsed, string expected, out string? error)
    {
        error = parsed ? null
            : $"{expected}, found {(json.TokenType == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(json.ValueSpan) : json.TokenType.ToString())} in it";
        return parsed;
    }

    /// <summary>Parses <c>["a","b"]</c>; an empty cell is an empty list. Null on bad JSON, with the reason.</summary>
    public static string[]? ParseStrings(ReadOnlySpan<byte> cell, out string? error) =>
        ParseList(cell, "expected a JSON list of strings", static (ref Utf8JsonReader json, out string item, out string? error) =>
        {
            var text = json.TokenType == JsonTokenType.String ? Utf8String(ref json) : null;
            error = text is not null ? null
                : json.TokenType == JsonTokenType.String ? InvalidUtf8 : $"expected a JSON list of strings, found {json.TokenType} in it";
            item = text ?? "";
            return text is not null;
        }, out error);

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
