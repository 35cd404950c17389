using System.Text.Json;

namespace PaperChunks.Records;

/// <summary>
/// A semantic-chunks row's <c>prechunk_id</c> and <c>postchunk_id</c>, which readers keep as extra fields (raw JSON
/// strings): the neighbours' <c>id</c>s, <c>""</c> at a paper's ends. Rows of other files have none.
/// </summary>
internal static class SemanticChunkLinks
{
    /// <summary>Whether the row carries either link.</summary>
    public static bool Has(ChunkRecord record)
    {
        foreach (var field in record.ExtraFields)
        {
            if (field.Name is SemanticChunkColumns.PrechunkId or SemanticChunkColumns.PostchunkId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The link's text (<c>""</c> at an end), or <see langword="null"/> when the row has no such field or it is not a JSON string.</summary>
    public static string? Of(ChunkRecord record, string name)
    {
        foreach (var field in record.ExtraFields)
        {
            if (field.Name == name)
            {
                return Decode(field.Json);
            }
        }

        return null;
    }

    private static string? Decode(string json)
    {
        // Links are plain ids: no escapes, so the common case needs no JSON parser.
        if (json.Length >= 2 && json[0] == '"' && json[^1] == '"' && json.AsSpan(1, json.Length - 2).IndexOfAny('"', '\\') < 0)
        {
            return json[1..^1];
        }

        try
        {
            return JsonSerializer.Deserialize(json, StringJsonContext.Default.String);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
