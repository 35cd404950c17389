using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>Writes the fields a record kept from its input without modelling them, verbatim.</summary>
internal static class ExtraFieldsJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ExtraField> fields)
    {
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.Name);
            writer.WriteRawValue(field.Json);
        }
    }
}
