using System.Globalization;
using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>Reads and writes a <see cref="PaperSummaryRecord"/> as one JSON object, field names from <see cref="PaperSummaryColumns"/>.</summary>
internal sealed class PaperSummaryJson(int maxDepth)
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly JsonReaderOptions _options = new() { MaxDepth = maxDepth };

    public PaperSummaryRecord Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, _options);
        if (JsonValues.Next(ref reader, line) != JsonTokenType.StartObject)
        {
            throw JsonValues.Unexpected(ref reader, line, null, "a JSON object for the row");
        }

        string? title = null, authorsText = null, venue = null, listedVia = null, abstractText = null, summary = null;
        List<string>? authors = null, keywords = null;
        int? year = null;
        DateOnly? firstPublished = null;
        while (JsonValues.Next(ref reader, line) == JsonTokenType.PropertyName)
        {
            var name = JsonValues.PropertyName(ref reader, line);
            JsonValues.Next(ref reader, line);
            switch (name)
            {
                case PaperSummaryColumns.Title: title = JsonValues.String(ref reader, line, name); break;
                case PaperSummaryColumns.Authors: authors = JsonValues.StringList(ref reader, line, name); break;
                case PaperSummaryColumns.AuthorsText: authorsText = JsonValues.String(ref reader, line, name); break;
                case PaperSummaryColumns.Venue: venue = JsonValues.String(ref reader, line, name); break;
                case PaperSummaryColumns.Year: year = reader.TokenType == JsonTokenType.Null ? null : Year(ref reader, line, name); break;
                case PaperSummaryColumns.ListedVia: listedVia = JsonValues.NullableString(ref reader, line, name); break;
                case PaperSummaryColumns.Keywords: keywords = JsonValues.StringList(ref reader, line, name); break;
                case PaperSummaryColumns.FirstPublished: firstPublished = Date(ref reader, line, name); break;
                case PaperSummaryColumns.Abstract: abstractText = JsonValues.NullableString(ref reader, line, name); break;
                case PaperSummaryColumns.Summary: summary = JsonValues.String(ref reader, line, name); break;
                default: throw JsonValues.Unexpected(ref reader, line, name, "only the paper-summary fields (" + string.Join(", ", PaperSummaryColumns.All) + ")");
            }
        }

        return new PaperSummaryRecord
        {
            Title = title ?? throw Missing(PaperSummaryColumns.Title),
            AuthorsText = authorsText ?? throw Missing(PaperSummaryColumns.AuthorsText),
            Authors = authors ?? [],
            Venue = venue ?? "",
            Year = year,
            ListedVia = listedVia,
            Keywords = keywords ?? [],
            FirstPublished = firstPublished,
            Abstract = abstractText,
            Summary = summary ?? throw Missing(PaperSummaryColumns.Summary),
        };
    }

    public static void Write(Utf8JsonWriter writer, PaperSummaryRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString(PaperSummaryColumns.Title, record.Title);
        Strings(writer, PaperSummaryColumns.Authors, record.Authors);
        writer.WriteString(PaperSummaryColumns.AuthorsText, record.AuthorsText);
        writer.WriteString(PaperSummaryColumns.Venue, record.Venue);
        if (record.Year is { } year)
        {
            writer.WriteNumber(PaperSummaryColumns.Year, year);
        }
        else
        {
            writer.WriteNull(PaperSummaryColumns.Year);
        }

        writer.WriteString(PaperSummaryColumns.ListedVia, record.ListedVia);
        Strings(writer, PaperSummaryColumns.Keywords, record.Keywords);
        writer.WriteString(PaperSummaryColumns.FirstPublished, record.FirstPublished?.ToString(DateFormat, CultureInfo.InvariantCulture));
        writer.WriteString(PaperSummaryColumns.Abstract, record.Abstract);
        writer.WriteString(PaperSummaryColumns.Summary, record.Summary);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static int Year(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field)
    {
        var value = JsonValues.Int64(ref reader, line, field);
        return value is >= 0 and <= 9999 ? (int)value : throw JsonValues.Unexpected(ref reader, line, field, "a year");
    }

    private static DateOnly? Date(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string field) =>
        JsonValues.NullableString(ref reader, line, field) is not { } text ? null
        : DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw JsonValues.Unexpected(ref reader, line, field, "a date as YYYY-MM-DD");

    private static JsonRowException Missing(string field) =>
        new(0, field, "missing; every paper-summary row needs title, authors_text and summary");
}
