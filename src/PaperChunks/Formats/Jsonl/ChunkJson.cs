using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Reads one chunk row as a JSON object with the Hugging Face column names. One instance per reader: it
/// caches the previous row's repeated metadata (see <see cref="RepeatedValueCache{T}"/>) and records the
/// file's <see cref="ChunkSchema"/>: the first value of each variable column fixes its type (a JSON number
/// or a string of digits for <c>chunk-id</c>, a list or a <c>", "</c>-joined string for <c>authors</c> and
/// <c>categories</c>, <c>{"id"}</c> objects or strings in <c>references</c>); a later row with the other
/// type is a located error. Each row costs one comparison per such column, no allocation.
/// </summary>
internal sealed class ChunkJson : JsonLineParser<ChunkRecord>
{
    private const ChunkFields Required = ChunkFields.Doi | ChunkFields.ChunkId | ChunkFields.Chunk;

    private readonly JsonReaderOptions _options;
    private readonly RepeatedValueCache<string> _title = new();
    private readonly RepeatedValueCache<string> _summary = new();
    private readonly RepeatedValueCache<IReadOnlyList<string>> _authors = new();
    private readonly RepeatedValueCache<IReadOnlyList<string>> _categories = new();
    private readonly RepeatedValueCache<IReadOnlyList<PaperReference>> _references = new();

    private readonly ListParser<PaperReference> _referenceList;

    // The file's column types, null until a row shows them; _schema is rebuilt only when one is learnt.
    private ChunkColumnType? _chunkIdType;
    private ChunkColumnType? _authorsType;
    private ChunkColumnType? _categoriesType;
    private ChunkColumnType? _referencesType;
    private bool _idFormKnown;
    private ChunkLayout? _layout;
    private ChunkSchema _schema = ChunkSchema.Canonical;
    private int _learned;

    public ChunkJson(int maxDepth)
    {
        _options = new JsonReaderOptions { MaxDepth = maxDepth };
        _referenceList = ReferenceList;
    }

    /// <inheritdoc/>
    public override int Learned => _learned;

    /// <inheritdoc/>
    public override JsonLineParser<ChunkRecord> Fork() => new ChunkJson(_options.MaxDepth)
    {
        _chunkIdType = _chunkIdType,
        _authorsType = _authorsType,
        _categoriesType = _categoriesType,
        _referencesType = _referencesType,
        _idFormKnown = _idFormKnown,
        _layout = _layout,
        _schema = _schema,
        _learned = _learned,
    };

    /// <inheritdoc/>
    public override ChunkRecord Parse(ReadOnlySpan<byte> line)
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
        LearnLayout(ref row);
        var missing = Required & ~row.Seen;
        if (missing != ChunkFields.None)
        {
            var field = ChunkColumns.All[System.Numerics.BitOperations.TrailingZeroCount((int)missing)];
            throw new JsonRowException(0, field, "missing; every chunk row needs doi, chunk-id and chunk");
        }

        if (!_idFormKnown && (row.Seen & ChunkFields.Id) != 0)
        {
            // The first row with an id tells the file's id rule; the validator holds every row to it.
            _idFormKnown = true;
            _learned++;
            if (string.Equals(row.Id, row.Doi, StringComparison.Ordinal))
            {
                _schema = _schema with { IdForm = RowIdForm.Doi };
            }
        }

        return row.ToRecord(_schema);
    }

    // The first row tells the file's column names; the semantic-chunks layout's index is the end of its id.
    private void LearnLayout(ref Row row)
    {
        var layout = row.Semantic ? ChunkLayout.SemanticChunks : ChunkLayout.Chunked;
        if (_layout != layout)
        {
            if (_layout is not null)
            {
                throw new JsonRowException(0, null, layout == ChunkLayout.Chunked
                    ? "expected the semantic-chunks columns (id, content, arxiv_id) as in the rows before (a file holds one variant), found the chunked dataset's (doi, chunk-id, chunk)"
                    : "expected the chunked dataset's columns (doi, chunk-id, chunk) as in the rows before (a file holds one variant), found the semantic-chunks layout's (id, content, arxiv_id)");
            }

            _layout = layout;
            if (layout == ChunkLayout.SemanticChunks)
            {
                _learned++;
                _schema = _schema with { Layout = layout };
            }
        }

        if (!row.Semantic)
        {
            return;
        }

        const ChunkFields Own = ChunkFields.Id | ChunkFields.Chunk | ChunkFields.Doi;
        if ((row.Seen & Own) != Own)
        {
            var field = (row.Seen & ChunkFields.Id) == 0 ? SemanticChunkColumns.Id : (row.Seen & ChunkFields.Chunk) == 0 ? SemanticChunkColumns.Content : SemanticChunkColumns.ArxivId;
            throw new JsonRowException(0, field, "missing; every semantic-chunks row needs id, content and arxiv_id");
        }

        if ((row.Seen & ChunkFields.ChunkId) == 0)
        {
            row.ChunkId = SemanticChunkColumns.IndexOf(row.Id!)
                ?? throw new JsonRowException(0, SemanticChunkColumns.Id, $"expected {{arxiv_id}}#{{index}} (the semantic-chunks layout's id), found \"{MessageText.Excerpt(row.Id!)}\"");
            row.Seen |= ChunkFields.ChunkId;
        }
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
        if (field == ChunkFields.None && SemanticChunkColumns.FieldOf(name) is var own and not ChunkFields.None)
        {
            field = own;
            row.Semantic = true;
        }

        if (field != ChunkFields.None && (row.Seen & field) != 0)
        {
            throw new JsonRowException(nameStart, name, "appears twice in the row");
        }

        row.Seen |= field;
        JsonValues.Next(ref reader, line);
        switch (field)
        {
            case ChunkFields.Doi: row.Doi = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.ChunkId: row.ChunkId = ChunkIdValue(ref reader, line, name); break;
            case ChunkFields.Chunk: row.Chunk = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Id: row.Id = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Title: row.Title = Cached(ref reader, line, name, _title); break;
            case ChunkFields.Summary: row.Summary = Cached(ref reader, line, name, _summary); break;
            case ChunkFields.Source: row.Source = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Authors: row.Authors = ListOrJoined(ref reader, line, name, _authors, ref _authorsType); break;
            case ChunkFields.Categories: row.Categories = ListOrJoined(ref reader, line, name, _categories, ref _categoriesType); break;
            case ChunkFields.Comment: row.Comment = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.JournalRef: row.JournalRef = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.PrimaryCategory: row.PrimaryCategory = JsonValues.String(ref reader, line, name); break;
            case ChunkFields.Published: row.Published = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.Updated: row.Updated = JsonValues.NullableString(ref reader, line, name); break;
            case ChunkFields.References: row.References = CachedList(ref reader, line, name, _references, _referenceList); break;
            default: (row.Extra ??= []).Add(new ExtraField(name, JsonValues.RawValue(ref reader, line, name))); break;
        }
    }

    private long ChunkIdValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        var isDigits = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && ChunkIdDigits.TryParse(reader.ValueSpan, out _);
        // A string counts as the digits variant only when it is all digits: "12a" gets "expected an integer".
        var found = reader.TokenType == JsonTokenType.String && !reader.ValueSpan.IsEmpty && !reader.ValueSpan.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            ? ChunkColumnType.DigitString
            : ChunkColumnType.Number;
        if (_chunkIdType is { } established && established != found && (isDigits || reader.TokenType == JsonTokenType.Number))
        {
            throw MixedVariants(ref reader, field, established, found);
        }

        if ((_chunkIdType ?? found) == ChunkColumnType.Number)
        {
            // Also the message for anything that is neither, in a file of integers: "expected an integer, found …".
            var number = JsonValues.Int64(ref reader, line, field);
            Learn(ref _chunkIdType, found);
            return number;
        }

        if (!isDigits || !ChunkIdDigits.TryParse(reader.ValueSpan, out var value))
        {
            throw JsonValues.Unexpected(ref reader, line, field, "a string of digits without leading zeros (so that it is written back the same)");
        }

        Learn(ref _chunkIdType, found);
        return value;
    }

    private IReadOnlyList<string> ListOrJoined(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field, RepeatedValueCache<IReadOnlyList<string>> cache, ref ChunkColumnType? type)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // Only a list shows the list type: a null (or another kind, refused below) fixes nothing, so that a later
            // row's joined string is not taken for the file mixing variants.
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                Expect(ref reader, line, field, ref type, ChunkColumnType.StringList);
            }

            return CachedList(ref reader, line, field, cache, JsonValues.StringList);
        }

        Expect(ref reader, line, field, ref type, ChunkColumnType.CommaSeparatedString);
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && cache.TryGet(raw, out var hit))
        {
            return hit;
        }

        var list = JoinedList.Split(JsonValues.String(ref reader, line, field));
        cache.Set(raw, list);
        return list;
    }

    // Fixes a column's type on its first value; a value of the other type later is the file mixing variants.
    private void Expect(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field, ref ChunkColumnType? known, ChunkColumnType found)
    {
        if (known == found)
        {
            return;
        }

        if (known is { } established)
        {
            throw MixedVariants(ref reader, field, established, found);
        }

        Learn(ref known, found);
    }

    private static JsonRowException MixedVariants(ref Utf8JsonReader reader, string field, ChunkColumnType established, ChunkColumnType found) =>
        new(reader.TokenStartIndex, field, ChunkColumnTypes.Mixed(established, found));

    private void Learn(ref ChunkColumnType? known, ChunkColumnType found)
    {
        if (known == found)
        {
            return;
        }

        known = found;
        _learned++;
        _schema = _schema with
        {
            ChunkId = _chunkIdType ?? ChunkColumnType.Number,
            Authors = _authorsType ?? ChunkColumnType.StringList,
            Categories = _categoriesType ?? ChunkColumnType.StringList,
            References = _referencesType ?? ChunkColumnType.IdStructList,
        };
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

    private List<PaperReference> ReferenceList(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        JsonValues.StartArray(ref reader, line, field, "{\"id\": …} objects or of arXiv ids");
        var list = new List<PaperReference>();
        while (JsonValues.Next(ref reader, line) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                Expect(ref reader, line, field, ref _referencesType, ChunkColumnType.StringList);
                list.Add(new PaperReference(JsonValues.String(ref reader, line, field)));
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw JsonValues.Unexpected(ref reader, line, field, "an {\"id\": …} object or an arXiv id string");
            }

            Expect(ref reader, line, field, ref _referencesType, ChunkColumnType.IdStructList);

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
        public bool Semantic;
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

        public readonly ChunkRecord ToRecord(ChunkSchema schema) => new()
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
            Schema = schema,
        };
    }

    private const ChunkFields AllFields = (ChunkFields)((1 << 15) - 1);
}
