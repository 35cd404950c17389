using System.Text.Json;

namespace PaperChunks.Records;

/// <summary>
/// The paper a record belongs to, for <see cref="PaperShard"/>: a chunk row's doi, a SciTLDR
/// row's paper id, a generic row's <c>doi</c> (or <c>paper_id</c>) string. A record without one is in bucket 0.
/// </summary>
internal static class ShardKey
{
    public static int BucketOf(object record, int count, RecentBucket recent) =>
        KeyOf(record) is { } key ? recent.Of(key, count) : 0;

    private static string? KeyOf(object record) => record switch
    {
        ChunkRecord chunk => chunk.Doi,
        SummarizationRecord summarization => summarization.PaperId,
        GenericRecord generic => StringOf(generic.JsonOf(ChunkColumns.Doi) ?? generic.JsonOf(SummarizationColumns.PaperId)),
        _ => null,
    };

    private static string? StringOf(string? json)
    {
        if (json is null || !json.StartsWith('"'))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
            return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
