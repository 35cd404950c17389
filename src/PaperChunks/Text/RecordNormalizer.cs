using System.Text.Encodings.Web;
using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Text;

/// <summary>
/// Applies a <see cref="TextNormalizer"/> to chosen string fields of records, by on-disk field name. Chunk
/// records default to <c>chunk</c>, <c>title</c> and <c>summary</c>; summarization records to
/// <c>source</c>, <c>target</c> and <c>title</c>. Any string field can be named, list fields
/// (<c>authors</c>, <c>source</c>) element by element, and fields the record type does not model
/// (<see cref="ExtraField"/>) when their value is a JSON string. A record nothing changed is returned as is.
/// </summary>
public sealed class RecordNormalizer
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    /// <summary>The text normalizer applied.</summary>
    public TextNormalizer Normalizer { get; }

    /// <summary>The fields named at construction; empty when each record type's defaults apply.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Normalizes the chosen fields of <paramref name="record"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="report">Collects counts, examples and undecided sequences; optional.</param>
    /// <returns><paramref name="record"/> itself when nothing changed, otherwise a copy with the repaired fields.</returns>
    public ChunkRecord Normalize(ChunkRecord record, NormalizationReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        report?.AddRecord();
        var id = record.Id.Length > 0 ? record.Id : $"{record.Doi}#{record.ChunkId}";
        var pass = new Pass(this, id, report, _fields.Count == 0 ? DefaultChunkFields : Fields);
        var result = record with
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
        return pass.Changed ? result : record;
    }

    /// <summary>Normalizes the chosen fields of <paramref name="record"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="report">Collects counts, examples and undecided sequences; optional.</param>
    /// <returns><paramref name="record"/> itself when nothing changed, otherwise a copy with the repaired fields.</returns>
    public SummarizationRecord Normalize(SummarizationRecord record, NormalizationReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        report?.AddRecord();
        var pass = new Pass(this, record.PaperId, report, _fields.Count == 0 ? DefaultSummarizationFields : Fields);
        var result = record with
        {
            Source = pass.List(SummarizationColumns.Source, record.Source),
            Target = pass.List(SummarizationColumns.Target, record.Target),
            Title = pass.OptionalText(SummarizationColumns.Title, record.Title),
            ExtraFields = pass.Extra(record.ExtraFields),
        };
        return pass.Changed ? result : record;
    }

    /// <summary>The texts of the chosen fields of <paramref name="record"/>, e.g. to learn a <see cref="CorpusVocabulary"/> from.</summary>
    /// <param name="record">The record.</param>
    public IEnumerable<string> TextsOf(ChunkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = _fields.Count == 0 ? DefaultChunkFields : Fields;
        foreach (var field in fields)
        {
            switch (field)
            {
                case ChunkColumns.Chunk: yield return record.Chunk; break;
                case ChunkColumns.Title: yield return record.Title; break;
                case ChunkColumns.Summary: yield return record.Summary; break;
                case ChunkColumns.Comment when record.Comment is not null: yield return record.Comment; break;
                case ChunkColumns.Authors: foreach (var author in record.Authors) yield return author; break;
            }
        }
    }

    /// <summary>The texts of the chosen fields of <paramref name="record"/>, e.g. to learn a <see cref="CorpusVocabulary"/> from.</summary>
    /// <param name="record">The record.</param>
    public IEnumerable<string> TextsOf(SummarizationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = _fields.Count == 0 ? DefaultSummarizationFields : Fields;
        foreach (var field in fields)
        {
            switch (field)
            {
                case SummarizationColumns.Source: foreach (var s in record.Source) yield return s; break;
                case SummarizationColumns.Target: foreach (var t in record.Target) yield return t; break;
                case SummarizationColumns.Title when record.Title is not null: yield return record.Title; break;
            }
        }
    }

    /// <summary>One record's normalization: which fields apply, whether anything changed.</summary>
    private sealed class Pass(RecordNormalizer owner, string recordId, NormalizationReport? report, IReadOnlyList<string> fields)
    {
        public bool Changed { get; private set; }

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
                var value = JsonSerializer.Deserialize<string>(extra.Json, s_json)!;
                var repaired = Apply(extra.Name, value);
                if (!ReferenceEquals(repaired, value))
                {
                    copy ??= [.. extras];
                    copy[i] = extra with { Json = JsonSerializer.Serialize(repaired, s_json) };
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
            var result = owner.Normalizer.Normalize(value);
            report?.Add(recordId, field, result);
            Changed |= result.Changed;
            return result.Text;
        }
    }
}
