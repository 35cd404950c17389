using System.Text.Encodings.Web;
using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Text;

/// <summary>
/// Applies a <see cref="TextNormalizer"/> to chosen string fields of records, by on-disk field name. Chunk
/// records default to <c>chunk</c>, <c>title</c> and <c>summary</c>; summarization records to
/// <c>source</c>, <c>target</c> and <c>title</c>; ShortScience records to <c>title</c>, <c>abstract</c> and
/// <c>summary</c>; other column sets to <c>chunk</c>, <c>title</c>, <c>summary</c>. Any string field can be named, list fields
/// (<c>authors</c>, <c>source</c>) element by element, and fields the record type does not model
/// (<see cref="ExtraField"/>) when their value is a JSON string. A record nothing changed is returned as is.
/// </summary>
public sealed class RecordNormalizer
{
    private static readonly StringJsonContext s_json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private readonly HashSet<string> _fields;

    /// <summary>Creates a record normalizer.</summary>
    /// <param name="normalizer">The text normalizer to apply.</param>
    /// <param name="fields">On-disk field names to normalize; <see langword="null"/> or empty for each record type's defaults.</param>
    public RecordNormalizer(TextNormalizer normalizer, IEnumerable<string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        Normalizer = normalizer;
        _fields = new HashSet<string>(fields ?? [], StringComparer.Ordinal);
        Fields = [.. _fields];
    }

    /// <summary>The fields chunk records are normalized in when none are named.</summary>
    public static IReadOnlyList<string> DefaultChunkFields { get; } = [ChunkColumns.Chunk, ChunkColumns.Title, ChunkColumns.Summary];

    /// <summary>The fields summarization records are normalized in when none are named.</summary>
    public static IReadOnlyList<string> DefaultSummarizationFields { get; } =
        [SummarizationColumns.Source, SummarizationColumns.Target, SummarizationColumns.Title];

    /// <summary>The fields ShortScience records are normalized in when none are named.</summary>
    public static IReadOnlyList<string> DefaultPaperSummaryFields { get; } =
        [PaperSummaryColumns.Title, PaperSummaryColumns.Abstract, PaperSummaryColumns.Summary];

    /// <summary>The text normalizer applied.</summary>
    public TextNormalizer Normalizer { get; }

    /// <summary>The fields named at construction; empty when each record type's defaults apply.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Normalizes the chosen fields of a chunk <paramref name="record"/> (default: chunk, title, summary).</summary>
    /// <param name="record">The record.</param>
    /// <param name="report">Collects counts, examples and undecided sequences; optional.</param>
    /// <returns><paramref name="record"/> itself when nothing changed, otherwise a copy with the repaired fields.</returns>
    public ChunkRecord Normalize(ChunkRecord record, NormalizationReport? report = null)
        => Run(record, IdOf, report, DefaultChunkFields, Visit);

    /// <summary>Normalizes the chosen fields of a SciTLDR <paramref name="record"/> (default: source, target, title).</summary>
    /// <param name="record">The record.</param>
    /// <param name="report">Collects counts, examples and undecided sequences; optional.</param>
    /// <returns><paramref name="record"/> itself when nothing changed, otherwise a copy with the repaired fields.</returns>
    public SummarizationRecord Normalize(SummarizationRecord record, NormalizationReport? report = null)
        => Run(record, r => r.PaperId, report, DefaultSummarizationFields, Visit);

    /// <summary>Normalizes the chosen fields of a ShortScience <paramref name="record"/> (default: title, abstract, summary).</summary>
    /// <param name="record">The record.</param>
    /// <param name="report">Collects counts, examples and undecided sequences; optional.</param>
    /// <returns><paramref name="record"/> itself when nothing changed, otherwise a copy with the repaired fields.</returns>
    public PaperSummaryRecord Normalize(PaperSummaryRecord record, NormalizationReport? report = null)
        => Run(record, r => r.Title, report, DefaultPaperSummaryFields, Visit);

    /// <summary>Normalizes the chosen string fields of a record of any other column set (default: chunk, title, summary).</summary>
    /// <param name="record">The record.</param>
    /// <param name="report">Collects counts, examples and undecided sequences; optional.</param>
    /// <returns><paramref name="record"/> itself when nothing changed, otherwise a copy with the repaired fields.</returns>
    public GenericRecord Normalize(GenericRecord record, NormalizationReport? report = null)
        => Run(record, IdOf, report, DefaultChunkFields, Visit);

    /// <summary>The texts of the chosen fields of <paramref name="record"/>, e.g. to learn a <see cref="CorpusVocabulary"/> from.</summary>
    /// <param name="record">The record.</param>
    public IReadOnlyList<string> TextsOf(ChunkRecord record)
        => Collect(record, DefaultChunkFields, Visit);

    /// <summary>The texts of the chosen fields of <paramref name="record"/>, e.g. to learn a <see cref="CorpusVocabulary"/> from.</summary>
    /// <param name="record">The record.</param>
    public IReadOnlyList<string> TextsOf(SummarizationRecord record)
        => Collect(record, DefaultSummarizationFields, Visit);

    /// <summary>The texts of the chosen fields of <paramref name="record"/>, e.g. to learn a <see cref="CorpusVocabulary"/> from.</summary>
    /// <param name="record">The record.</param>
    public IReadOnlyList<string> TextsOf(PaperSummaryRecord record)
        => Collect(record, DefaultPaperSummaryFields, Visit);

    /// <summary>The texts of the chosen string fields of <paramref name="record"/>, e.g. to learn a <see cref="CorpusVocabulary"/> from.</summary>
    /// <param name="record">The record.</param>
    public IReadOnlyList<string> TextsOf(GenericRecord record)
        => Collect(record, DefaultChunkFields, Visit);

    private T Run<T>(T record, Func<T, string> id, NormalizationReport? report, IReadOnlyList<string> defaults, Func<T, Pass, T> visit)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        report?.AddRecord();
        var pass = new Pass(this, id(record), report, null, FieldsOr(defaults));
        var result = visit(record, pass);
        return pass.Changed ? result : record;
    }

    private List<string> Collect<T>(T record, IReadOnlyList<string> defaults, Func<T, Pass, T> visit)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        var pass = new Pass(this, "", null, [], FieldsOr(defaults));
        visit(record, pass);
        return pass.Collected!;
    }

    private static GenericRecord Visit(GenericRecord record, Pass pass) => record with { Fields = pass.Extra(record.Fields) };

    private IReadOnlyList<string> FieldsOr(IReadOnlyList<string> defaults) => _fields.Count == 0 ? defaults : Fields;

    private static string IdOf(ChunkRecord record) => record.Id.Length > 0 ? record.Id : $"{record.Doi}#{record.ChunkId}";

    private static string IdOf(GenericRecord record) =>
        record.JsonOf(ChunkColumns.Id) is { } json && json.StartsWith('"') ? JsonSerializer.Deserialize(json, s_json.String)! : "";

    private static ChunkRecord Visit(ChunkRecord record, Pass pass) => record with
    {
        Doi = pass.Text(ChunkColumns.Doi, record.Doi),
        Chunk = pass.Text(ChunkColumns.Chunk, record.Chunk),
        Id = pass.Text(ChunkColumns.Id, record.Id),
        Title = pass.Text(ChunkColumns.Title, record.Title),
        Summary = pass.Text(ChunkColumns.Summary, record.Summary),
        Source = pass.Text(ChunkColumns.Source, record.Source),
        Authors = pass.List(ChunkColumns.Authors, record.Authors),
        Categories = pass.List(ChunkColumns.Categories, record.Categories),
        Comment = pass.OptionalText(ChunkColumns.Comment, record.Comment),
        JournalRef = pass.OptionalText(ChunkColumns.JournalRef, record.JournalRef),
        PrimaryCategory = pass.Text(ChunkColumns.PrimaryCategory, record.PrimaryCategory),
        ExtraFields = pass.Extra(record.ExtraFields),
    };

    private static SummarizationRecord Visit(SummarizationRecord record, Pass pass) => record with
    {
        Source = pass.List(SummarizationColumns.Source, record.Source),
        Target = pass.List(SummarizationColumns.Target, record.Target),
        Title = pass.OptionalText(SummarizationColumns.Title, record.Title),
        ExtraFields = pass.Extra(record.ExtraFields),
    };

    private static PaperSummaryRecord Visit(PaperSummaryRecord record, Pass pass) => record with
    {
        Title = pass.Text(PaperSummaryColumns.Title, record.Title),
        AuthorsText = pass.Text(PaperSummaryColumns.AuthorsText, record.AuthorsText),
        Authors = pass.List(PaperSummaryColumns.Authors, record.Authors),
        Venue = pass.Text(PaperSummaryColumns.Venue, record.Venue),
        Keywords = pass.List(PaperSummaryColumns.Keywords, record.Keywords),
        Abstract = pass.OptionalText(PaperSummaryColumns.Abstract, record.Abstract),
        Summary = pass.Text(PaperSummaryColumns.Summary, record.Summary),
    };

    /// <summary>
    /// One record's walk over its fields: normalizes the chosen ones and notes whether anything changed, or,
    /// given a <see cref="Collected"/> list, only collects their texts.
    /// </summary>
    private sealed class Pass(RecordNormalizer owner, string recordId, NormalizationReport? report, List<string>? collected, IReadOnlyList<string> fields)
    {
        public bool Changed { get; private set; }

        public List<string>? Collected { get; } = collected;

        public string Text(string field, string value) => Selected(field) ? Apply(field, value) : value;

        public string? OptionalText(string field, string? value) => value is null ? null : Text(field, value);

        public IReadOnlyList<string> List(string field, IReadOnlyList<string> values)
        {
            if (!Selected(field))
                return values;
            string[]? copy = null;
            for (var i = 0; i < values.Count; i++)
            {
                var repaired = Apply(field, values[i]);
                if (!ReferenceEquals(repaired, values[i]))
                {
                    copy ??= [.. values];
                    copy[i] = repaired;
                }
            }
            return copy ?? values;
        }

        public IReadOnlyList<ExtraField> Extra(IReadOnlyList<ExtraField> extras)
        {
            ExtraField[]? copy = null;
            for (var i = 0; i < extras.Count; i++)
            {
                var extra = extras[i];
                if (!Selected(extra.Name) || !extra.Json.StartsWith('"'))
                    continue;
                var value = JsonSerializer.Deserialize(extra.Json, s_json.String)!;
                var repaired = Apply(extra.Name, value);
                if (!ReferenceEquals(repaired, value))
                {
                    copy ??= [.. extras];
                    copy[i] = extra with { Json = JsonSerializer.Serialize(repaired, s_json.String) };
                }
            }
            return copy ?? extras;
        }

        private bool Selected(string field)
        {
            foreach (var f in fields)
            {
                if (f == field)
                    return true;
            }
            return false;
        }

        private string Apply(string field, string value)
        {
            if (Collected is not null)
            {
                Collected.Add(value);
                return value;
            }
            var result = owner.Normalizer.Normalize(value);
            report?.Add(recordId, field, result);
            Changed |= result.Changed;
            return result.Text;
        }
    }
}
