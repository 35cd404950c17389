using System.Globalization;
using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// What the header pins down about each cell, used to place the ` | ` separators of a pipe-table row:
/// typed columns must parse, lengths fixed by the header (min equal to max) must hold, and for chunk rows
/// <c>id</c> is <c>doi#chunk-id</c> and <c>source</c> is <c>http://arxiv.org/pdf/</c> + <c>doi</c>.
/// </summary>
internal sealed class ViewerCellRules
{
    private readonly IReadOnlyList<ViewerColumn> _columns;
    private readonly int _doi;
    private readonly int _chunkId;
    private readonly int _id;
    private readonly int _source;

    public ViewerCellRules(IReadOnlyList<ViewerColumn> columns)
    {
        _columns = columns;
        _doi = IndexOf(columns, ChunkColumns.Doi);
        _chunkId = IndexOf(columns, ChunkColumns.ChunkId);
        _id = IndexOf(columns, ChunkColumns.Id);
        _source = IndexOf(columns, ChunkColumns.Source);
        var isChunkTable = _doi >= 0 && _chunkId >= 0;
        if (!isChunkTable || _id < Math.Max(_doi, _chunkId))
        {
            _id = -1;
        }

        if (!isChunkTable || _source < _doi)
        {
            _source = -1;
        }
    }

    /// <summary>Whether the column's value is constrained at all (a free text column accepts anything).</summary>
    public bool IsConstrained(int column) =>
        column == _id || column == _source || _columns[column].ExactLength is not null
        || _columns[column].IsInteger || ViewerTypes.IsFloat(_columns[column].Type) || ViewerTypes.IsJson(_columns[column].Type);

    /// <summary>Whether placing the column needs its text: it is constrained, or a later column's rule refers to it.</summary>
    public bool NeedsValue(int column) =>
        IsConstrained(column) || ((_id >= 0 || _source >= 0) && (column == _doi || column == _chunkId));

    /// <summary>Whether <paramref name="value"/> can be the cell of <paramref name="column"/>, given the cells before it.</summary>
    public bool Fits(int column, string? value, string?[] earlier)
    {
        if (value is null)
        {
            return column != _id && column != _source;
        }

        if (column == _id)
        {
            return earlier[_doi] is { } doi && earlier[_chunkId] is { } chunkId
                && value.Length == doi.Length + 1 + chunkId.Length
                && value.StartsWith(doi, StringComparison.Ordinal) && value[doi.Length] == '#'
                && value.EndsWith(chunkId, StringComparison.Ordinal);
        }

        if (column == _source)
        {
            return earlier[_doi] is { } doi
                && value.Length == RecordValidator.ArxivPdfPrefix.Length + doi.Length
                && value.StartsWith(RecordValidator.ArxivPdfPrefix, StringComparison.Ordinal)
                && value.EndsWith(doi, StringComparison.Ordinal);
        }

        return FitsType(_columns[column], value);
    }

    /// <summary>Whether a cell's text fits its column's declared type (ignoring relations to other cells).</summary>
    public static bool FitsType(ViewerColumn column, string value)
    {
        if (column.IsInteger)
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        }

        if (ViewerTypes.IsFloat(column.Type))
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        if (ViewerTypes.IsJson(column.Type))
        {
            return IsJson(value);
        }

        return column.ExactLength is not { } length || CountRunes(value) == length;
    }

    private static bool IsJson(string value)
    {
        var trimmed = value.AsSpan().Trim();
        if (trimmed.IsEmpty || (trimmed[0] != '[' && trimmed[0] != '{'))
        {
            return false;
        }

        try
        {
            using var _ = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int CountRunes(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static int IndexOf(IReadOnlyList<ViewerColumn> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
