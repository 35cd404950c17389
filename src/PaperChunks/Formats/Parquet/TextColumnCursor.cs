using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Walks one string leaf of a row group row by row: a scalar column or a list (of strings, or of structs
/// with one string field), decoding Parquet's definition and repetition levels.
/// </summary>
internal sealed class TextColumnCursor(DataField field, int definedListLevel, bool reuseRepeats) : IDisposable
{
    private RawColumnData<ReadOnlyMemory<char>>? _data;
    private int _value;
    private int _level;
    private string? _last;

    public DataField Field { get; } = field;

    public async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        _data?.Dispose();
        _data = (RawColumnData<ReadOnlyMemory<char>>)await rowGroup.ReadRawColumnDataBaseAsync(Field, cancellationToken).ConfigureAwait(false);
        DecodedColumnCheck.Check(Field, _data, _data.Values.Length, rowGroup.RowCount);
        _value = 0;
        _level = 0;
        _last = null;
    }

    /// <summary>The next row's value, or <see langword="null"/> for a null.</summary>
    public string? NextScalar()
    {
        var data = _data!;
        if (Field.MaxDefinitionLevel > 0 && data.DefinitionLevels[_level++] < Field.MaxDefinitionLevel)
        {
            return null;
        }

        return Text(data.Values[_value++]);
    }

    /// <summary>
    /// Appends the next row's elements to <paramref name="into"/> (a null element as <see langword="null"/>);
    /// false when the row's list itself is null.
    /// </summary>
    public bool NextList(List<string?> into)
    {
        var data = _data!;
        var definitions = data.DefinitionLevels;
        var repetitions = data.RepetitionLevels;
        var first = true;
        var isNull = false;
        while (_level < definitions.Length && (first || repetitions[_level] > 0))
        {
            var definition = definitions[_level++];
            if (first && definition < definedListLevel)
            {
                isNull = true;
            }
            else if (definition == Field.MaxDefinitionLevel)
            {
                into.Add(Text(data.Values[_value++]));
            }
            else if (definition > definedListLevel)
            {
                into.Add(null);
            }

            first = false;
        }

        return !isNull;
    }

    public void Dispose() => _data?.Dispose();

    private string Text(ReadOnlyMemory<char> chars)
    {
        if (reuseRepeats && _last is not null && chars.Span.SequenceEqual(_last))
        {
            return _last;
        }

        var text = chars.Length == 0 ? "" : new string(chars.Span);
        _last = text;
        return text;
    }
}
