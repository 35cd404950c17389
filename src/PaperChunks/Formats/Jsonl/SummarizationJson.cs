using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Reads and writes a SciTLDR-style row. <c>source</c> and <c>target</c> may each be a list of sentences
/// (list shape) or one string (flattened shape); the record remembers which.
/// </summary>
internal sealed class SummarizationJson(int maxDepth)
{
    private readonly JsonReaderOptions _options = new() { MaxDepth = maxDepth };

    public SummarizationRecord Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, _options);
        if (JsonValues.Next(ref reader, line) != JsonTokenType.StartObject)
        {
            throw JsonValues.Unexpected(ref reader, line, null, "a JSON object for the row");
        }

        IReadOnlyList<string>? source = null, target = null;
        List<int>? labels = null;
        List<double>? rouge = null;
        string? paperId = null, title = null;
        var flattened = false;
        List<ExtraField>? extra = null;
        while (JsonValues.Next(ref reader, line) == JsonTokenType.PropertyName)
        {
            var name = JsonValues.PropertyName(ref reader, line);
            JsonValues.Next(ref reader, line);
            switch (name)
            {
                case SummarizationColumns.Source: source = Sentences(ref reader, line, name, ref flattened); break;
                case SummarizationColumns.Target: target = Sentences(ref reader, line, name, ref flattened); break;
                case SummarizationColumns.SourceLabels: labels = Labels(ref reader, line, name); break;
                case SummarizationColumns.RougeScores: rouge = Scores(ref reader, line, name); break;
                case SummarizationColumns.PaperId: paperId = JsonValues.String(ref reader, line, name); break;
                case SummarizationColumns.Title: title = JsonValues.NullableString(ref reader, line, name); break;
                default: (extra ??= []).Add(new ExtraField(name, JsonValues.RawValue(ref reader, line, name))); break;
            }
        }

        Require(source, SummarizationColumns.Source);
        Require(paperId, SummarizationColumns.PaperId);
        Require(target, SummarizationColumns.Target);
        return new SummarizationRecord
        {
            Source = source!,
            SourceLabels = labels ?? [],
            PaperId = paperId!,
            Target = target!,
            Title = title,
            RougeScores = rouge,
            Shape = flattened ? SummarizationShape.Flattened : SummarizationShape.List,
            ExtraFields = extra ?? (IReadOnlyList<ExtraField>)[],
        };
    }

    public static void Write(Utf8JsonWriter writer, SummarizationRecord record, SummarizationShape shape)
    {
        writer.WriteStartObject();
        Sentences(writer, SummarizationColumns.Source, record.Source, record.SourceText, shape);
        writer.WriteStartArray(SummarizationColumns.SourceLabels);
        foreach (var label in record.SourceLabels)
        {
            writer.WriteNumberValue(label);
        }

        writer.WriteEndArray();
        if (record.RougeScores is { } scores)
        {
            writer.WriteStartArray(SummarizationColumns.RougeScores);
            foreach (var score in scores)
            {
                writer.WriteNumberValue(score);
            }

            writer.WriteEndArray();
        }

        writer.WriteString(SummarizationColumns.PaperId, record.PaperId);
        if (record.Title is { } title)
        {
            writer.WriteString(SummarizationColumns.Title, title);
        }

        Sentences(writer, SummarizationColumns.Target, record.Target, record.TargetText, shape);
        ExtraFieldsJson.Write(writer, record.ExtraFields);
        writer.WriteEndObject();
    }

    private static void Require(object? value, string field)
    {
        if (value is null)
        {
            throw new JsonRowException(0, field, "missing; every summarization row needs source, paper_id and target");
        }
    }

    private static void Sentences(Utf8JsonWriter writer, string name, IReadOnlyList<string> list, string joined, SummarizationShape shape)
    {
        if (shape == SummarizationShape.Flattened)
        {
            writer.WriteString(name, joined);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var sentence in list)
        {
            writer.WriteStringValue(sentence);
        }

        writer.WriteEndArray();
    }

    private static List<string> Sentences(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field, ref bool flattened)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            flattened = true;
            return [JsonValues.String(ref reader, line, field)];
        }

        return JsonValues.StringList(ref reader, line, field);
    }

    private static List<int> Labels(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        JsonValues.StartArray(ref reader, line, field, "0/1 labels");
        var list = new List<int>();
        while (JsonValues.Next(ref reader, line) != JsonTokenType.EndArray)
        {
            var value = JsonValues.Int64(ref reader, line, field);
            if (value is < int.MinValue or > int.MaxValue)
            {
                throw JsonValues.Unexpected(ref reader, line, field, "a 0/1 label");
            }

            list.Add((int)value);
        }

        return list;
    }

    private static List<double> Scores(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        JsonValues.StartArray(ref reader, line, field, "numbers");
        var list = new List<double>();
        while (JsonValues.Next(ref reader, line) != JsonTokenType.EndArray)
        {
            list.Add(JsonValues.Double(ref reader, line, field));
        }

        return list;
    }
}
