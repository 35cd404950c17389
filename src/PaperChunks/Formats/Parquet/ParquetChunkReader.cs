using Parquet;
using Parquet.Data;
using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Reads chunk rows from a Parquet file in the Hugging Face export's schema (see <see cref="ChunkColumns"/>),
/// one row group in memory at a time. Columns the file lacks are reported in
/// <see cref="ChunkRecord.AbsentFields"/>; <c>doi</c>, <c>chunk-id</c> and <c>chunk</c> must exist. Other string
/// columns are kept as <see cref="ChunkRecord.ExtraFields"/>: JSON strings, or the JSON text itself for the columns the
/// file's metadata names as JSON (<see cref="ChunkParquetLayout.JsonColumnsKey"/>, as <see cref="ParquetChunkWriter"/>
/// writes them). Extra columns of other types are kept as JSON values (<see cref="JsonColumnCursor"/>). Parquet has no lines: <see cref="RecordReader{T}.CurrentLine"/> is the 1-based row.
/// </summary>
internal sealed class ParquetChunkReader : ParquetRecordReader<ChunkRecord>
{
    private static readonly string[] Required = [ChunkColumns.Doi, ChunkColumns.ChunkId, ChunkColumns.Chunk];

    private readonly Dictionary<string, TextColumnCursor> _texts = [];
    private readonly List<string?> _items = [];
    private DataField? _chunkIdField;
    private RawColumnData? _chunkIds;
    private ChunkFields _absent;
    private ChunkSchema _schema = ChunkSchema.Canonical;
    private TextColumnCursor? _chunkIdText;
    private int _chunkIdIndex;
    private int _chunkIdLevel;
    private bool _semantic;
    private readonly List<string> _links = [];
    private readonly List<(string Name, TextColumnCursor? Text, JsonColumnCursor? Value, bool Json)> _extras = [];

    /// <summary>Opens a Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened.</exception>
    public ParquetChunkReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads from a readable, seekable stream the caller owns (it is left open).</summary>
    /// <param name="input">The Parquet data.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public ParquetChunkReader(Stream input, ReaderOptions? options = null)
        : base(input, options)
    {
    }

    private protected override void ReleaseColumns()
    {
        foreach (var cursor in _texts.Values)
        {
            cursor.Dispose();
        }

        _chunkIds?.Dispose();
        _chunkIdText?.Dispose();
        foreach (var extra in _extras)
        {
            extra.Text?.Dispose();
            extra.Value?.Dispose();
        }
    }

    private protected override void Bind(ParquetSchema schema)
    {
        var fields = schema.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (!fields.ContainsKey(ChunkColumns.Doi) && fields.ContainsKey(SemanticChunkColumns.ArxivId))
        {
            BindSemantic(fields);
            BindExtras(schema, SemanticChunkColumns.All);
            return;
        }

        BindExtras(schema, ChunkColumns.All);

        foreach (var name in ChunkColumns.All)
        {
            if (!fields.TryGetValue(name, out var field))
            {
                if (Array.IndexOf(Required, name) >= 0)
                {
                    throw FormatError(0, 0, name, "expected this column, found none");
                }

                _absent |= ChunkColumns.FieldOf(name);
                continue;
            }

            if (name == ChunkColumns.ChunkId)
            {
                BindChunkId(field);
                continue;
            }

            _texts[name] = Cursor(name, field);
        }

        // The file's own types, kept by the writers: ai-arxiv-chunked's string chunk-id, the seeds' joined authors.
        _schema = ChunkSchema.Canonical with
        {
            ChunkId = _chunkIdText is null ? ChunkColumnType.Number : ChunkColumnType.DigitString,
            Authors = IsJoined(fields, ChunkColumns.Authors) ? ChunkColumnType.CommaSeparatedString : ChunkColumnType.StringList,
            Categories = IsJoined(fields, ChunkColumns.Categories) ? ChunkColumnType.CommaSeparatedString : ChunkColumnType.StringList,
            References = fields.TryGetValue(ChunkColumns.References, out var references) && references is ListField { Item: DataField }
                ? ChunkColumnType.StringList
                : ChunkColumnType.IdStructList,
        };
    }

    // Columns the layout does not name, in the file's order: text columns as strings (the metadata says which
    // hold JSON text), others as JSON values. A shape that cannot be kept is refused, never dropped.
    private void BindExtras(ParquetSchema schema, IReadOnlyList<string> own)
    {
        var json = FileMetadata.TryGetValue(ChunkParquetLayout.JsonColumnsKey, out var names)
            ? System.Text.Json.JsonSerializer.Deserialize(names, StringJsonContext.Default.StringArray) ?? []
            : [];
        foreach (var field in schema.Fields)
        {
            if (own.Contains(field.Name))
            {
                continue;
            }

            if (field is DataField { MaxRepetitionLevel: 0 } scalar && IsText(scalar))
            {
                _extras.Add((field.Name, new TextColumnCursor(scalar, 0, reuseRepeats: true), null, Array.IndexOf(json, field.Name) >= 0));
            }
            else if (JsonColumnCursor.For(field) is { } value)
            {
                _extras.Add((field.Name, null, value, true));
            }
            else
            {
                throw FormatError(0, 0, field.Name, $"expected an extra column that can be kept as a JSON value (a scalar, or a list of scalars, of text, numbers, booleans, dates or times), found {Describe(field)}");
            }
        }
    }

    // jamescalam/ai-arxiv2-semantic-chunks: arxiv_id is the doi, content the chunk, the index the end of the id.
    private void BindSemantic(Dictionary<string, Field> fields)
    {
        (string Own, string Chunk)[] columns =
        [
            (SemanticChunkColumns.Id, ChunkColumns.Id), (SemanticChunkColumns.Title, ChunkColumns.Title), (SemanticChunkColumns.Content, ChunkColumns.Chunk),
            (SemanticChunkColumns.ArxivId, ChunkColumns.Doi), (SemanticChunkColumns.References, ChunkColumns.References),
        ];
        _absent = ~(ChunkFields.Doi | ChunkFields.ChunkId | ChunkFields.Chunk) & (ChunkFields)((1 << 15) - 1);
        foreach (var (own, chunk) in columns)
        {
            if (!fields.TryGetValue(own, out var field))
            {
                if (own is not (SemanticChunkColumns.Title or SemanticChunkColumns.References))
                {
                    throw FormatError(0, 0, own, "expected this column (the semantic-chunks layout), found none");
                }

                continue;
            }

            _texts[chunk] = Cursor(chunk, field);
            _absent &= ~ChunkColumns.FieldOf(chunk);
        }

        foreach (var link in (string[])[SemanticChunkColumns.PrechunkId, SemanticChunkColumns.PostchunkId])
        {
            if (fields.TryGetValue(link, out var field))
            {
                _texts[link] = Cursor(ChunkColumns.Id, field);
                _links.Add(link);
            }
        }

        _semantic = true;
        _schema = ChunkSchema.Canonical with
        {
            Layout = ChunkLayout.SemanticChunks,
            References = fields.TryGetValue(SemanticChunkColumns.References, out var references) && references is ListField { Item: StructField }
                ? ChunkColumnType.IdStructList
                : ChunkColumnType.StringList,
        };
    }

    private void BindChunkId(Field field)
    {
        if (field is DataField { ClrType: var t } d && (t == typeof(long) || t == typeof(int)))
        {
            _chunkIdField = d;
        }
        else if (field is DataField text && IsText(text))
        {
            _chunkIdText = new TextColumnCursor(text, 0, reuseRepeats: false);
        }
        else
        {
            throw FormatError(0, 0, ChunkColumns.ChunkId, $"expected an int64 column or a string column of digits, found {Describe(field)}");
        }
    }

    private static bool IsJoined(Dictionary<string, Field> fields, string name) =>
        fields.TryGetValue(name, out var field) && field is DataField;

    private TextColumnCursor Cursor(string name, Field field)
    {
        var isList = name is ChunkColumns.Authors or ChunkColumns.Categories or ChunkColumns.References;
        var reuse = name is not (ChunkColumns.Chunk or ChunkColumns.Id);
        if (!isList && field is DataField scalar && IsText(scalar))
        {
            return new TextColumnCursor(scalar, 0, reuse);
        }

        if (name is ChunkColumns.Authors or ChunkColumns.Categories && field is DataField joined && IsText(joined))
        {
            // One comma-separated string, as the seeds' dataset stores them.
            return new TextColumnCursor(joined, 0, reuse);
        }

        if (isList && field is ListField list)
        {
            var definedLevel = list.IsNullable ? 1 : 0;
            if (list.Item is DataField item && IsText(item))
            {
                return new TextColumnCursor(item, definedLevel, reuse);
            }

            if (name == ChunkColumns.References && list.Item is StructField entry
                && entry.Fields.FirstOrDefault(f => f.Name == "id") is DataField id && IsText(id))
            {
                return new TextColumnCursor(id, definedLevel, reuse);
            }
        }

        var expected = name == ChunkColumns.References ? "a list of struct<id: string> or of strings" : isList ? "a list of strings or a string" : "a string column";
        throw FormatError(0, 0, name, $"expected {expected}, found {Describe(field)}");
    }

    private protected override async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        foreach (var cursor in _texts.Values)
        {
            await cursor.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
        }

        foreach (var extra in _extras)
        {
            if (extra.Text is not null)
            {
                await extra.Text.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await extra.Value!.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_chunkIdText is not null)
        {
            await _chunkIdText.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            _chunkIdIndex = 0;
            return;
        }

        if (_semantic)
        {
            return;
        }

        _chunkIds?.Dispose();
        _chunkIds = await rowGroup.ReadRawColumnDataBaseAsync(_chunkIdField!, cancellationToken).ConfigureAwait(false);
        DecodedColumnCheck.Check(_chunkIdField!, _chunkIds, NumberColumnCursor.ValueCount(_chunkIds), rowGroup.RowCount);
        _chunkIdIndex = 0;
        _chunkIdLevel = 0;
    }

    // Advances every column by one row; null (after reporting) when the row is unusable.
    private protected override ChunkRecord? NextRow()
    {
        var doi = Scalar(ChunkColumns.Doi);
        var id = Scalar(ChunkColumns.Id);
        var chunkId = _semantic ? (id is null ? null : SemanticChunkColumns.IndexOf(id)) : NextChunkId();
        var chunk = Scalar(ChunkColumns.Chunk);
        var record = new ChunkRecord
        {
            Doi = doi ?? "",
            ChunkId = chunkId ?? 0,
            Chunk = chunk ?? "",
            Id = id ?? "",
            Title = Scalar(ChunkColumns.Title) ?? "",
            Summary = Scalar(ChunkColumns.Summary) ?? "",
            Source = Scalar(ChunkColumns.Source) ?? "",
            Authors = List(ChunkColumns.Authors, out var nullAuthor),
            Categories = List(ChunkColumns.Categories, out var nullCategory),
            Comment = Scalar(ChunkColumns.Comment),
            JournalRef = Scalar(ChunkColumns.JournalRef),
            PrimaryCategory = Scalar(ChunkColumns.PrimaryCategory) ?? "",
            Published = Scalar(ChunkColumns.Published),
            Updated = Scalar(ChunkColumns.Updated),
            References = References(out var nullReference),
            AbsentFields = _absent,
            ExtraFields = _links.Count + _extras.Count == 0 ? [] : Links(),
            Schema = _schema,
        };

        var bad = doi is null ? (_semantic ? SemanticChunkColumns.ArxivId : ChunkColumns.Doi)
            : chunkId is null ? (_semantic ? SemanticChunkColumns.Id : ChunkColumns.ChunkId)
            : chunk is null && _semantic ? SemanticChunkColumns.Content
            : chunk is null ? ChunkColumns.Chunk
            : nullAuthor != NullPart.None ? ChunkColumns.Authors
            : nullCategory != NullPart.None ? ChunkColumns.Categories
            : nullReference != NullPart.None ? ChunkColumns.References
            : null;
        if (bad is null)
        {
            return record;
        }

        var part = bad switch
        {
            ChunkColumns.Authors => nullAuthor,
            ChunkColumns.Categories => nullCategory,
            ChunkColumns.References => nullReference,
            _ => NullPart.Value,
        };
        var what = part == NullPart.Element ? "a null list element" : "null";
        ReportBadRow(FormatError(0, 0, bad, _semantic && bad == SemanticChunkColumns.Id && id is not null
            ? $"row {Row}: expected {{arxiv_id}}#{{index}} (the semantic-chunks layout's id), found \"{MessageText.Excerpt(id)}\""
            : $"row {Row}: expected a value, found {what}"));
        return null;
    }

    // The semantic-chunks links and the extra columns, kept as extra fields as the JSON Lines reader keeps them.
    private ExtraField[] Links()
    {
        var links = new ExtraField[_links.Count + _extras.Count];
        for (var i = 0; i < _links.Count; i++)
        {
            var value = Scalar(_links[i]);
            links[i] = new ExtraField(_links[i], value is null ? "null" : System.Text.Json.JsonSerializer.Serialize(value, StringJsonContext.Default.String));
        }

        for (var i = 0; i < _extras.Count; i++)
        {
            var (name, text, cursor, json) = _extras[i];
            if (cursor is not null)
            {
                links[_links.Count + i] = new ExtraField(name, cursor.Next());
                continue;
            }

            var value = text!.NextScalar();
            links[_links.Count + i] = new ExtraField(name, value is null ? "null" : json ? value : ExtraColumnSet.TextToJson(value));
        }

        return links;
    }

    private string? Scalar(string name) => _texts.TryGetValue(name, out var cursor) ? cursor.NextScalar() : null;

    // A null list, like a null element, is reported (as the JSON Lines reader reports it), not read as empty.
    private IReadOnlyList<string> List(string name, out NullPart nulls)
    {
        nulls = NullPart.None;
        if (!_texts.TryGetValue(name, out var cursor))
        {
            return [];
        }

        if (cursor.Field.MaxRepetitionLevel == 0)
        {
            var joined = cursor.NextScalar();
            nulls = joined is null ? NullPart.Value : NullPart.None;
            return JoinedList.Split(joined ?? "");
        }

        _items.Clear();
        if (!cursor.NextList(_items))
        {
            nulls = NullPart.Value;
            return [];
        }

        var result = new string[_items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            nulls = _items[i] is null ? NullPart.Element : nulls;
            result[i] = _items[i] ?? "";
        }

        return result;
    }

    private PaperReference[] References(out NullPart nulls)
    {
        var ids = List(ChunkColumns.References, out nulls);
        var references = new PaperReference[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            references[i] = new PaperReference(ids[i]);
        }

        return references;
    }

    private long? NextChunkId()
    {
        if (_chunkIdText is not null)
        {
            // A string that is not canonical digits is reported like a null: the row cannot be typed.
            return _chunkIdText.NextScalar() is { } digits && ChunkIdDigits.TryParse(digits.AsSpan(), out var parsed) ? parsed : null;
        }

        var field = _chunkIdField!;
        if (field.MaxDefinitionLevel > 0 && _chunkIds!.DefinitionLevels[_chunkIdLevel++] < field.MaxDefinitionLevel)
        {
            return null;
        }

        return _chunkIds switch
        {
            RawColumnData<long> longs => longs.Values[_chunkIdIndex++],
            RawColumnData<int> ints => ints.Values[_chunkIdIndex++],
            _ => throw new InvalidOperationException("chunk-id was checked to be int64 or int32 when the file was opened"),
        };
    }

    private static bool IsText(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string);

    private static string Describe(Field field) => field switch
    {
        DataField d => d.ClrType == typeof(ReadOnlyMemory<char>) ? "string" : d.ClrType.Name,
        ListField l => $"a list of {Describe(l.Item)}",
        StructField s => $"struct<{string.Join(", ", s.Fields.Select(f => f.Name + ": " + Describe(f)))}>",
        _ => field.SchemaType.ToString(),
    };

    private enum NullPart
    {
        None,
        Value,
        Element,
    }
}
