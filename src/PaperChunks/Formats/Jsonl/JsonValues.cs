using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Typed reads from a <see cref="Utf8JsonReader"/> positioned on a value, each failing with a
/// <see cref="JsonRowException"/> that says what was expected and shows what was found.
/// </summary>
internal static class JsonValues
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string String(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, line, field, "a string");
        }

        return GetString(ref reader, line, field);
    }

    /// <summary>The name of the property the reader is on, checked like any string.</summary>
    public static string PropertyName(ref Utf8JsonReader reader, ReadOnlySpan<byte> line) => GetString(ref reader, line, null);

    public static string? NullableString(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : String(ref reader, line, field);

    public static long Int64(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
        {
            throw Unexpected(ref reader, line, field, "an integer");
        }

        return value;
    }

    public static double Double(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
        {
            throw Unexpected(ref reader, line, field, "a number");
        }

        return value;
    }

    public static void StartArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field, string of)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, line, field, $"a list of {of}");
        }
    }

    public static List<string> StringList(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        StartArray(ref reader, line, field, "strings");
        var list = new List<string>();
        while (Next(ref reader, line) != JsonTokenType.EndArray)
        {
            list.Add(String(ref reader, line, field));
        }

        return list;
    }

    /// <summary>Advances the reader, translating JSON syntax errors into a located row error.</summary>
    public static JsonTokenType Next(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        try
        {
            if (!reader.Read())
            {
                throw new JsonRowException(line.Length, null, "the row ends before its JSON object is complete (truncated line?)");
            }
        }
        catch (JsonException e)
        {
            throw Syntax(e, line);
        }

        return reader.TokenType;
    }

    /// <summary>Skips the value the reader is on (an array or object whole) and returns its raw JSON text.</summary>
    public static string RawValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        var start = (int)reader.TokenStartIndex;
        try
        {
            reader.Skip();
        }
        catch (JsonException e)
        {
            throw Syntax(e, line);
        }

        var raw = line[start..(int)reader.BytesConsumed];
        try
        {
            return StrictUtf8.GetString(raw);
        }
        catch (DecoderFallbackException e)
        {
            throw InvalidUtf8(raw, start, field, e);
        }
    }

    public static JsonRowException Unexpected(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string? field, string expected)
    {
        var start = (int)reader.TokenStartIndex;
        var shown = reader.TokenType switch
        {
            JsonTokenType.StartArray => "a list",
            JsonTokenType.StartObject => "an object",
            _ => Shorten(Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed])),
        };
        return new JsonRowException(start, field, $"expected {expected}, found {shown}");
    }

    public static JsonRowException Syntax(JsonException e, ReadOnlySpan<byte> line)
    {
        var offset = e.BytePositionInLine ?? 0;
        if (offset >= line.Length)
        {
            return new JsonRowException(line.Length, null, "the row ends before its JSON object is complete (truncated line?)", e);
        }

        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
        return new JsonRowException(offset, null, $"invalid JSON: {reason}", e);
    }

    /// <summary>Column (1-based, in characters) of a byte offset within a UTF-8 line.</summary>
    public static long Column(ReadOnlySpan<byte> line, long byteOffset)
    {
        var prefix = line[..(int)Math.Clamp(byteOffset, 0, line.Length)];
        return Encoding.UTF8.GetCharCount(prefix) + 1;
    }

    private static string GetString(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string? field)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            var start = (int)reader.TokenStartIndex;
            throw InvalidUtf8(line[start..(int)reader.BytesConsumed], start, field, e);
        }
    }

    private static JsonRowException InvalidUtf8(ReadOnlySpan<byte> raw, int start, string? field, Exception inner)
    {
        var status = Utf8.ToUtf16(raw, new char[raw.Length], out var bytesRead, out _, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done && LoneSurrogateEscape(raw) is var (offset, escape))
        {
            // The bytes are UTF-8; what .NET cannot decode is an escape such as \ud800 with no partner.
            return new JsonRowException(start + offset, field, $"a lone surrogate escape {escape} (no low surrogate after it, or none before it), which is not text; expected a string of Unicode characters", inner);
        }

        var at = status == System.Buffers.OperationStatus.InvalidData ? start + bytesRead : start;
        var bad = raw.Length > bytesRead ? raw[bytesRead] : (byte)0;
        return new JsonRowException(at, field, string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 (byte 0x{bad:X2}); expected UTF-8 text"), inner);
    }

    /// <summary>The offset and text of the first <c>\uXXXX</c> escape of a surrogate without its partner, if any.</summary>
    private static (int Offset, string Escape)? LoneSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i + 1 < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            if (raw[i + 1] != (byte)'u' || !TryEscapedUnit(raw, i, out var unit))
            {
                i++;
                continue;
            }

            var paired = char.IsHighSurrogate(unit) && TryEscapedUnit(raw, i + 6, out var next) && char.IsLowSurrogate(next);
            if (paired)
            {
                i += 11;
            }
            else if (char.IsSurrogate(unit))
            {
                return (i, Encoding.ASCII.GetString(raw.Slice(i, 6)));
            }
            else
            {
                i += 5;
            }
        }

        return null;
    }

    private static bool TryEscapedUnit(ReadOnlySpan<byte> raw, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > raw.Length || raw[at] != (byte)'\\' || raw[at + 1] != (byte)'u'
            || !ushort.TryParse(raw.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }

    private static string Shorten(string token) => token.Length <= 40 ? token : token[..37] + "...";
}
