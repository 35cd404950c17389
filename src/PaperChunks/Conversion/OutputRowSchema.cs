using PaperChunks.Records;

namespace PaperChunks.Conversion;

/// <summary>
/// Gives each chunk row the schema its output stores it with, between reader and writer. With
/// <see cref="OutputSchema.Canonical"/> that is the typed schema. With <see cref="OutputSchema.Source"/> the first
/// row fixes the output's column types (one file holds one variant), and a row from a source that stores a column
/// otherwise (another input, or a file whose later rows showed a type its first rows left open) is stored the
/// output's way when that keeps its values exactly; when not, the row is refused with the reason.
/// </summary>
internal sealed class OutputRowSchema(OutputSchema choice)
{
    private ChunkSchema? _output;
    private ChunkSchema? _from;
    private ChunkSchema? _to;

    /// <summary>The row as written, or <see langword="null"/> with the field and reason it cannot be stored the output's way.</summary>
    public ChunkRecord? Apply(ChunkRecord record, out string? field, out string? problem)
    {
        (field, problem) = (null, null);
        var schema = record.Schema;
        if (!ReferenceEquals(schema, _from))
        {
            _from = schema;
            _to = Target(schema);
        }

        var to = _to!;
        if (ReferenceEquals(schema, to))
        {
            return record;
        }

        (field, problem) = Inexact(record, to);
        return problem is null ? record with { Schema = to } : null;
    }

    private ChunkSchema Target(ChunkSchema schema)
    {
        if (choice == OutputSchema.Canonical)
        {
            return schema.ToCanonical();
        }

        _output ??= schema;
        return _output.HasSameColumnTypes(schema) ? schema : _output with { IdForm = schema.IdForm };
    }

    // Joining a list that holds the separator, or a negative chunk-id as digits, would not read back the same.
    private static (string?, string?) Inexact(ChunkRecord record, ChunkSchema to)
    {
        if (to.ChunkId == ChunkColumnType.DigitString && record.ChunkId < 0)
        {
            return (ChunkColumns.ChunkId, $"the output stores chunk-id as a string of digits (as its first rows' source does), which cannot hold {record.ChunkId}; convert with the canonical schema to mix such inputs");
        }

        if (JoinLoses(record.Authors, record.Schema.Authors, to.Authors))
        {
            return (ChunkColumns.Authors, Joined("authors"));
        }

        return JoinLoses(record.Categories, record.Schema.Categories, to.Categories) ? (ChunkColumns.Categories, Joined("categories")) : (null, null);
    }

    private static bool JoinLoses(IReadOnlyList<string> items, ChunkColumnType from, ChunkColumnType to)
    {
        if (to != ChunkColumnType.CommaSeparatedString || from == to)
        {
            return false;
        }

        foreach (var item in items)
        {
            if (item.Contains(JoinedList.Separator, StringComparison.Ordinal) || item.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Joined(string column) =>
        $"the output stores {column} as one comma-separated string (as its first rows' source does), and an item holds \", \" or is empty, so it would not read back the same; convert with the canonical schema to mix such inputs";
}
