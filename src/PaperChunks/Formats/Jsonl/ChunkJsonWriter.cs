using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Writes a chunk row as one JSON object: canonical column order, absent fields left out, extra fields last,
/// each column stored with the type the record's <see cref="ChunkRecord.Schema"/> gives it.
/// </summary>
internal static class ChunkJsonWriter
{
    public static void Write(Utf8JsonWriter writer, ChunkRecord record)
    {
        var absent = record.AbsentFields;
        var schema = record.Schema;
        if (schema.Layout == ChunkLayout.SemanticChunks)
        {
            WriteSemantic(writer, record);
            return;
        }

        writer.WriteStartObject();
        String(writer, absent, ChunkFields.Doi, ChunkColumns.Doi, record.Doi);
        if ((absent & ChunkFields.ChunkId) == 0)
        {
            ChunkId(writer, schema.ChunkId, record.ChunkId);
        }

        String(writer, absent, ChunkFields.Chunk, ChunkColumns.Chunk, record.Chunk);
        String(writer, absent, ChunkFields.Id, ChunkColumns.Id, record.Id);
        String(writer, absent, ChunkFields.Title, ChunkColumns.Title, record.Title);
        String(writer, absent, ChunkFields.Summary, ChunkColumns.Summary, record.Summary);
        String(writer, absent, ChunkFields.Source, ChunkColumns.Source, record.Source);
        Strings(writer, absent, ChunkFields.Authors, ChunkColumns.Authors, record.Authors, schema.Authors);
        Strings(writer, absent, ChunkFields.Categories, ChunkColumns.Categories, record.Categories, schema.Categories);
        String(writer, absent, ChunkFields.Comment, ChunkColumns.Comment, record.Comment);
        String(writer, absent, ChunkFields.JournalRef, ChunkColumns.JournalRef, record.JournalRef);
        String(writer, absent, ChunkFields.PrimaryCategory, ChunkColumns.PrimaryCategory, record.PrimaryCategory);
        String(writer, absent, ChunkFields.Published, ChunkColumns.Published, record.Published);
        String(writer, absent, ChunkFields.Updated, ChunkColumns.Updated, record.Updated);
        References(writer, record);
        ExtraFieldsJson.Write(writer, record.ExtraFields);
        writer.WriteEndObject();
    }

    // The semantic-chunks layout's own names and order; its links are the extra fields of those names.
    private static void WriteSemantic(Utf8JsonWriter writer, ChunkRecord record)
    {
        var absent = record.AbsentFields;
        writer.WriteStartObject();
        String(writer, absent, ChunkFields.Id, SemanticChunkColumns.Id, record.Id);
        String(writer, absent, ChunkFields.Title, SemanticChunkColumns.Title, record.Title);
        writer.WriteString(SemanticChunkColumns.Content, record.Chunk);
        Extra(writer, record.ExtraFields, SemanticChunkColumns.PrechunkId);
        Extra(writer, record.ExtraFields, SemanticChunkColumns.PostchunkId);
        writer.WriteString(SemanticChunkColumns.ArxivId, record.Doi);
        References(writer, record);
        foreach (var field in record.ExtraFields)
        {
            if (field.Name is not (SemanticChunkColumns.PrechunkId or SemanticChunkColumns.PostchunkId))
            {
                writer.WritePropertyName(field.Name);
                writer.WriteRawValue(field.Json);
            }
        }

        writer.WriteEndObject();
    }

    private static void Extra(Utf8JsonWriter writer, IReadOnlyList<ExtraField> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Name == name)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(field.Json);
                return;
            }
        }
    }

    private static void References(Utf8JsonWriter writer, ChunkRecord record)
    {
        if ((record.AbsentFields & ChunkFields.References) == 0)
        {
            writer.WriteStartArray(ChunkColumns.References);
            var bare = record.Schema.References == ChunkColumnType.StringList;
            foreach (var reference in record.References)
            {
                if (bare)
                {
                    writer.WriteStringValue(reference.Id);
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("id"u8, reference.Id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void String(Utf8JsonWriter writer, ChunkFields absent, ChunkFields field, string name, string? value)
    {
        if ((absent & field) == 0)
        {
            writer.WriteString(name, value);
        }
    }

    private static void ChunkId(Utf8JsonWriter writer, ChunkColumnType type, long value)
    {
        if (type == ChunkColumnType.Number)
        {
            writer.WriteNumber(ChunkColumns.ChunkId, value);
            return;
        }

        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var length, default, System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(ChunkColumns.ChunkId, digits[..length]);
    }

    private static void Strings(Utf8JsonWriter writer, ChunkFields absent, ChunkFields field, string name, IReadOnlyList<string> values, ChunkColumnType type)
    {
        if ((absent & field) != 0)
        {
            return;
        }

        if (type == ChunkColumnType.CommaSeparatedString)
        {
            writer.WriteString(name, JoinedList.Join(values));
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
