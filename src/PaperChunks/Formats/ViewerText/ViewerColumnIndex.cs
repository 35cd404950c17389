using PaperChunks.Records;

namespace PaperChunks.Formats.ViewerText;

/// <summary>Where each known column sits in a viewer header, and which columns are extra.</summary>
internal sealed class ViewerColumnIndex
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ViewerColumn> _columns;

    public ViewerColumnIndex(IReadOnlyList<ViewerColumn> columns, IReadOnlyList<string> known)
    {
        _columns = columns;
        for (var i = 0; i < columns.Count; i++)
        {
            _byName.TryAdd(columns[i].Name, i);
        }

        var extras = new List<int>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (!known.Contains(columns[i].Name))
            {
                extras.Add(i);
            }
        }

        Extras = extras;
        KnownCount = columns.Count - extras.Count;
    }

    /// <summary>Indices of the columns the record type does not model, in header order.</summary>
    public IReadOnlyList<int> Extras { get; }

    /// <summary>How many header columns the record type models.</summary>
    public int KnownCount { get; }

    /// <summary>The column's index, or -1 when the header lacks it.</summary>
    public int this[string name] => _byName.TryGetValue(name, out var i) ? i : -1;

    public bool IsList(int index) => index >= 0 && _columns[index].IsList;

    /// <summary>The names of the given required columns the header lacks.</summary>
    public List<string> Missing(params string[] required) => required.Where(name => !_byName.ContainsKey(name)).ToList();

    /// <summary>The header's names, for error messages.</summary>
    public string Names => string.Join(", ", _columns.Select(c => c.Name));

    /// <summary>The extra columns' cells as fields, for round trips.</summary>
    public IReadOnlyList<ExtraField> ExtraFields(ViewerCells cells)
    {
        if (Extras.Count == 0)
        {
            return [];
        }

        var fields = new ExtraField[Extras.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new ExtraField(_columns[Extras[i]].Name, cells.Json(Extras[i]));
        }

        return fields;
    }
}
