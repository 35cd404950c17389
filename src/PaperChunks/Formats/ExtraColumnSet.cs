using System.Text.Json;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;

namespace PaperChunks.Formats;

/// <summary>
/// The extra columns (<see cref="ChunkRecord.ExtraFields"/>) of a chunk file being written in a format with a fixed set of
/// columns (a CSV header, a Parquet schema). Rows stream, so the file's first row fixes the set, in its order; a later row
/// with a column that row lacked is refused, naming the row and the column, since the header or schema is already written.
/// In Parquet a row without one of the columns gets a null there (as pyarrow and <c>datasets</c> fill a missing field),
/// and each column gets a kind from the first row's value: a JSON string makes a text column, anything else (number,
/// boolean, object, array, null) a JSON column whose cells hold the value's JSON text, which keeps every later value as
/// it was. CSV needs no kinds: each cell says its own (<see cref="Csv.CsvCells.ExtraCell"/>).
/// The semantic-chunks links are the layout's own columns there, not extra ones.
/// </summary>
internal sealed class ExtraColumnSet
{
    private static readonly StringJsonContext MinimalEscaping = new(new JsonSerializerOptions { Encoder = MinimalJsonEncoder.Instance });

    private readonly string[] _names;
    private readonly bool[] _json;

    private ExtraColumnSet(string[] names, bool[] json)
    {
        _names = names;
        _json = json;
    }

    /// <summary>The columns, in the first row's order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>How many there are.</summary>
    public int Count => _names.Length;

    /// <summary>Whether the column at <paramref name="index"/> holds JSON text (else plain text).</summary>
    public bool IsJson(int index) => _json[index];

    /// <summary>The names of the JSON columns, in order.</summary>
    public IEnumerable<string> JsonNames => _names.Where((_, i) => _json[i]);

    /// <summary>
    /// The set a file's first row fixes (<see langword="null"/>: a file with no row, no extra columns), or the one
    /// learned from the whole input beforehand (<see cref="WriterOptions.ExtraColumns"/>) when there is one.
    /// </summary>
    public static ExtraColumnSet Of(ChunkRecord? first, ExtraColumnSet? learned) => learned ?? Of(first);

    /// <summary>
    /// The set of every row's extra columns, in the order they first appear (the first row's first): a column is a
    /// text column when every value it has is a JSON string (a null or a missing value fits either kind), a JSON
    /// column otherwise. One pass over the rows, holding only the names.
    /// </summary>
    /// <param name="rows">The rows the file will hold.</param>
    public static ExtraColumnSet Learn(IEnumerable<ChunkRecord> rows)
    {
        var names = new List<string>();
        var kinds = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var field in row.ExtraFields)
            {
                if (IsLayoutColumn(row, field.Name))
                {
                    continue;
                }

                if (!kinds.TryGetValue(field.Name, out var json))
                {
                    names.Add(field.Name);
                }

                // null: no value seen yet that tells the kind.
                kinds[field.Name] = field.Json == "null" ? json : json == true || !IsJsonString(field.Json);
            }
        }

        // A column that only ever held null keeps its values as JSON, as a first row's null does.
        return new([.. names], [.. names.Select(n => kinds[n] ?? true)]);
    }

    private static ExtraColumnSet Of(ChunkRecord? first)
    {
        if (first is null)
        {
            return new([], []);
        }

        var names = new List<string>();
        var json = new List<bool>();
        foreach (var field in first.ExtraFields)
        {
            if (IsLayoutColumn(first, field.Name))
            {
                continue;
            }

            names.Add(field.Name);
            json.Add(!IsJsonString(field.Json));
        }

        return new([.. names], [.. json]);
    }

    /// <summary>
    /// The row's extra values in this set's order: the text of a text column's string, the JSON text of a JSON column's
    /// value, <see langword="null"/> for a null or a column the row lacks.
    /// </summary>
    /// <param name="row">The row being written.</param>
    /// <param name="into">Receives <see cref="Count"/> values.</param>
    /// <returns>Why the row cannot be written (a column the first row lacked, a text column given another kind), or <see langword="null"/>.</returns>
    public string? Cells(ChunkRecord row, string?[] into)
    {
        if (Json(row, into) is { } problem)
        {
            return problem;
        }

        for (var i = 0; i < into.Length; i++)
        {
            var json = into[i];
            if (json is null || json == "null")
            {
                into[i] = null;
            }
            else if (_json[i])
            {
                into[i] = json;
            }
            else if (IsJsonString(json))
            {
                into[i] = JsonSerializer.Deserialize(json, StringJsonContext.Default.String);
            }
            else
            {
                return $"has {MessageText.Excerpt(json)} in the column \"{_names[i]}\", which the file's first row made a text column (it held a string there); write JSON Lines to keep it, or learn the columns from the whole input first: --scan-columns";
            }
        }

        return null;
    }

    /// <summary>The row's extra values as their JSON text in this set's order, <see langword="null"/> where the row lacks the column.</summary>
    /// <param name="row">The row being written.</param>
    /// <param name="into">Receives <see cref="Count"/> values.</param>
    /// <returns>Why the row cannot be written (a column the first row lacked), or <see langword="null"/>.</returns>
    public string? Json(ChunkRecord row, string?[] into)
    {
        Array.Clear(into);
        foreach (var field in row.ExtraFields)
        {
            if (IsLayoutColumn(row, field.Name))
            {
                continue;
            }

            var index = Array.IndexOf(_names, field.Name);
            if (index < 0)
            {
                return $"has the column \"{field.Name}\", which the file's first row did not have; the first row fixes the extra columns (write JSON Lines to keep rows whose extra columns differ, or learn them from the whole input first: --scan-columns)";
            }

            into[index] = field.Json;
        }

        return null;
    }

    /// <summary>The JSON of a text value read back: the string, encoded as the JSON Lines writer encodes strings.</summary>
    public static string TextToJson(string text) => JsonSerializer.Serialize(text, MinimalEscaping.String);

    private static bool IsLayoutColumn(ChunkRecord row, string name) =>
        row.Schema.Layout == ChunkLayout.SemanticChunks && name is SemanticChunkColumns.PrechunkId or SemanticChunkColumns.PostchunkId;

    private static bool IsJsonString(string json) => json.Length > 0 && json[0] == '"';
}
