using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Reads and writes one chunk row as a JSON object with the Hugging Face column names. One instance
/// per reader: it caches the previous row's repeated metadata (see <see cref="RepeatedValueCache{T}"/>).
/// </summary>
internal sealed class ChunkJson
{
    private const ChunkFields Required = ChunkFields.Doi | ChunkFields.ChunkId | ChunkFields.Chunk;

    private readonly JsonReaderOptions _options;
    private readonly RepeatedValueCache<string> _title = new();
    private readonly RepeatedValueCache<string> _summary = new();
    private readonly RepeatedValueCache<IReadOnlyList<string>> _authors = new();
    private readonly RepeatedValueCache<IReadOnlyList<string>> _categories = new();
    private readonly RepeatedValueCache<IReadOnlyList<PaperReference>> _references = new();

    public ChunkJson(int maxDepth) => _options = new JsonReaderOptions { MaxDepth = maxDepth };

    public ChunkRecord Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, _options);
        if (JsonValues.Next(ref reader, line) != JsonTokenType.StartObject)
        {
            throw JsonValues.Unexpected(ref reader, line, null, "a JSON object for the row");
        }

        var row = new Row();
        while (JsonValues.Next(ref reader, line) == JsonTokenType.PropertyName)
        {
            ReadField(ref reader, line, ref row);
        }

        EnsureEnd(ref reader, line);
        var missing = Required & ~row.Seen;
        if (missing != ChunkFields.None)
        {
            var field = ChunkColumns.All[System.Numerics.BitOperations.TrailingZeroCount((int)missing)];
            throw new JsonRowException(0, field, "missing; every chunk row needs doi, chunk-id and chunk");
        }

        return row.ToRecord();
    }

    private static void EnsureEnd(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var end = (int)reader.BytesConsumed;
        var rest = line[end..].TrimStart(" \t\r"u8);
        if (!rest.IsEmpty)
        {
            throw new JsonRowException(line.Length - rest.Length, null, "expected the end of the line after the row's JSON object, found more text");
        }
    }

    private void ReadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, ref Row row)
    {
        var nameStart = reader.TokenStartIndex;
        var name = JsonValues.PropertyName(ref reader, line);
        var field = ChunkColumns.FieldOf(name);
        if (field != ChunkFields.None && (row.Seen & field) != 0)
        {
            throw new JsonRowException(nameStart, name, "appears twice in the row");
        }

        row.Seen |= field;
        JsonValues.Next(ref reader, line);
        switch (field)
        {
            case ChunkFields.Doi: row.Doi = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.ChunkId: row.ChunkId = JsonValues.Int64(ref reader, line, name); break;
            case ChunkFields.Chunk: row.Chunk = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Id: row.Id = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Title: row.Title = Cached(ref reader, line, name, _title); break;
            case ChunkFields.Summary: row.Summary = Cached(ref reader, line, name, _summary); break;
            case ChunkFields.Source: row.Source = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Authors: row.Authors = CachedList(ref reader, line, name, _authors, JsonValues.StringList); break;
            case ChunkFields.Categories: row.Categories = CachedList(ref reader, line, name, _categories, JsonValues.StringList); break;
            case ChunkFields.Comment: row.Comment = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.JournalRef: row.JournalRef = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.PrimaryCategory: row.PrimaryCategory = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Published: row.Published = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.Updated: row.Updated = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.References: row.References = CachedList(ref reader, line, name, _references, ReferenceList); break;
            default: (row.Extra ??= []).Add(new ExtraField(name, JsonValues.RawValue(ref reader, line, name))); break;
        }
    }

    private delegate List<T> ListParser<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field);

    private static string Cached(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field, RepeatedValueCache<string> cache)
    {
        var raw = reader.ValueSpan;
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && cache.TryGet(raw, out var hit))
        {
            return hit;
        }

        var value = JsonValues.String(ref reader, line, field);
        cache.Set(raw, value);
        return value;
    }

    private static IReadOnlyList<T> CachedList<T>(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field, RepeatedValueCache<IReadOnlyList<T>> cache, ListParser<T> parse)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return parse(ref reader, line, field);
        }

        // A JSON value's extent follows from its own bytes, so a line that continues with exactly the
        // previous row's array holds that array: no tokenizing twice when the rows differ (a shuffled dump).
        var start = (int)reader.TokenStartIndex;
        if (cache.TryGetPrefix(line[start..], out var hit))
        {
            try
            {
                reader.Skip();
            }
            catch (JsonException e)
            {
                throw JsonValues.Syntax(e, line);
            }

            return hit;
        }

        // Shared between rows, so handed out read-only.
        var list = parse(ref reader, line, field).AsReadOnly();
        cache.Set(line[start..(int)reader.BytesConsumed], list);
        return list;
    }

    private static List<PaperReference> ReferenceList(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        JsonValues.StartArray(ref reader, line, field, "{\"id\": …} objects");
        var list = new List<PaperReference>();
        while (JsonValues.Next(ref reader, line) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw JsonValues.Unexpected(ref reader, line, field, "an {\"id\": …} object");
            }

            string? id = null;
            while (JsonValues.Next(ref reader, line) == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                JsonValues.Next(ref reader, line);
                if (isId)
                {
                    id = JsonValues.String(ref reader, line, field);
                }
                else
                {
                    JsonValues.RawValue(ref reader, line, field);
                }
            }

            if (id is null)
            {
                throw new JsonRowException(reader.TokenStartIndex, field, "expected each reference to have an \"id\"");
            }

            list.Add(new PaperReference(id));
        }

        return list;
    }

    private struct Row
    {
        public ChunkFields Seen;
        public string? Doi;
        public long ChunkId;
        public string? Chunk;
        public string? Id;
        public string? Title;
        public string? Summary;
        public string? Source;
        public IReadOnlyList<string>? Authors;
        public IReadOnlyList<string>? Categories;
        public string? Comment;
        public string? JournalRef;
        public string? PrimaryCategory;
        public string? Published;
        public string? Updated;
        public IReadOnlyList<PaperReference>? References;
        public List<ExtraField>? Extra;

        public readonly ChunkRecord ToRecord() => new()
        {
            Doi = Doi!,
            ChunkId = ChunkId,
            Chunk = Chunk!,
            Id = Id ?? "",
            Title = Title ?? "",
            Summary = Summary ?? "",
            Source = Source ?? "",
            Authors = Authors ?? [],
            Categories = Categories ?? [],
            Comment = Comment,
            JournalRef = JournalRef,
            PrimaryCategory = PrimaryCategory ?? "",
            Published = Published,
            Updated = Updated,
            References = References ?? [],
            AbsentFields = AllFields & ~Seen,
            ExtraFields = Extra ?? (IReadOnlyList<ExtraField>)[],
        };
    }

    private const ChunkFields AllFields = (ChunkFields)((1 << 15) - 1);
}
