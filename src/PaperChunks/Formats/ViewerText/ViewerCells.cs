using System.Globalization;
using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// Typed reads of one row's cells by column index, each failing with a <see cref="ViewerCellException"/>
/// that names the column, the row and what was found.
/// </summary>
internal readonly struct ViewerCells
{
    /// <summary>How a list the viewer prints as a string (<c>authors</c>, <c>categories</c>) is joined.</summary>
    public const string ListSeparator = ", ";

    private static readonly JsonWriterOptions CompactJson = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ViewerRow _row;
    private readonly IReadOnlyList<ViewerColumn> _columns;
    private readonly int _maxJsonDepth;

    public ViewerCells(ViewerRow row, IReadOnlyList<ViewerColumn> columns, int maxJsonDepth)
    {
        _row = row;
        _columns = columns;
        _maxJsonDepth = maxJsonDepth;
    }

    public string String(int column) =>
        _row.Cells[column] ?? throw Error(column, "expected a value, found null");

    public string? NullableString(int column) => _row.Cells[column];

    public long Int64(int column)
    {
        var text = String(column);
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"expected an integer ({_columns[column].Type}), found \"{MessageText.Excerpt(text)}\"");
    }

    /// <summary>A list of strings: a JSON list where the column is a list, else the text split on ", ".</summary>
    public IReadOnlyList<string> StringList(int column)
    {
        var text = String(column);
        if (!_columns[column].IsList)
        {
            return text.Length == 0 ? [] : text.Split(ListSeparator);
        }

        using var document = Parse(column, text);
        var list = new List<string>();
        foreach (var item in Array(column, document))
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Error(column, $"expected a list of strings, found a {Kind(item)} in it"));
        }

        return list;
    }

    /// <summary>A JSON list of integers, e.g. <c>source_labels</c>.</summary>
    public IReadOnlyList<int> IntList(int column)
    {
        using var document = Parse(column, String(column));
        var list = new List<int>();
        foreach (var item in Array(column, document))
        {
            list.Add(item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var n) ? n : throw Error(column, $"expected a list of integers, found {item.GetRawText()} in it"));
        }

        return list;
    }

    /// <summary>A JSON list of numbers, e.g. <c>rouge_scores</c>.</summary>
    public IReadOnlyList<double> DoubleList(int column)
    {
        using var document = Parse(column, String(column));
        var list = new List<double>();
        foreach (var item in Array(column, document))
        {
            list.Add(item.ValueKind == JsonValueKind.Number ? item.GetDouble() : throw Error(column, $"expected a list of numbers, found {item.GetRawText()} in it"));
        }

        return list;
    }

    /// <summary><c>references</c>: a JSON list of <c>{"id": "…"}</c>.</summary>
    public IReadOnlyList<PaperReference> References(int column)
    {
        using var document = Parse(column, String(column));
        var list = new List<PaperReference>();
        foreach (var item in Array(column, document))
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw Error(column, $"expected a list of {{\"id\": \"…\"}} objects, found {MessageText.Excerpt(item.GetRawText())} in it");
            }

            list.Add(new PaperReference(id.GetString()!));
        }

        return list;
    }

    /// <summary>The cell as JSON text, typed by its column: a string, a number, a list, or <c>null</c>.</summary>
    public string Json(int column)
    {
        var text = _row.Cells[column];
        var type = _columns[column].Type;
        if (text is null)
        {
            return "null";
        }

        if (ViewerTypes.IsInteger(type))
        {
            return Int64(column).ToString(CultureInfo.InvariantCulture);
        }

        if (ViewerTypes.IsFloat(type))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : throw Error(column, $"expected a number ({type}), found \"{MessageText.Excerpt(text)}\"");
        }

        if (type == "bool")
        {
            return text is "true" or "false" ? text : throw Error(column, $"expected true or false, found \"{MessageText.Excerpt(text)}\"");
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CompactJson))
        {
            if (ViewerTypes.IsJson(type))
            {
                using var document = Parse(column, text);
                document.RootElement.WriteTo(writer);
            }
            else
            {
                writer.WriteStringValue(text);
            }
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public ViewerCellException Error(int column, string reason) =>
        new(_row.CellLines[column], _columns[column].Name, $"row {_row.Number}: {reason}");

    private JsonDocument Parse(int column, string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = _maxJsonDepth });
        }
        catch (JsonException e)
        {
            throw Error(column, $"expected a JSON {(_columns[column].IsList ? "list" : "value")} ({_columns[column].Type}), found \"{MessageText.Excerpt(text)}\" ({e.Message})");
        }
    }

    private JsonElement.ArrayEnumerator Array(int column, JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray()
            : throw Error(column, $"expected a JSON list, found a {Kind(document.RootElement)}");

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();
}
