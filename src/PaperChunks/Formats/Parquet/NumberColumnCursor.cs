using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>Walks a number leaf (int32, int64, float, double; scalar or list) row by row, values as doubles.</summary>
internal sealed class NumberColumnCursor(DataField field, int definedListLevel) : IDisposable
{
    private RawColumnData? _data;
    private int _value;
    private int _level;

    public static bool Supports(DataField field) =>
        field.ClrType == typeof(long) || field.ClrType == typeof(int) || field.ClrType == typeof(double) || field.ClrType == typeof(float);

    public async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        _data?.Dispose();
        _data = await rowGroup.ReadRawColumnDataBaseAsync(field, cancellationToken).ConfigureAwait(false);
        DecodedColumnCheck.Check(field, _data, ValueCount(_data), rowGroup.RowCount);
        _value = 0;
        _level = 0;
    }

    /// <summary>The next row's value of a scalar column, or <see langword="null"/> for a null.</summary>
    public double? NextScalar()
    {
        if (field.MaxDefinitionLevel > 0 && _data!.DefinitionLevels[_level++] < field.MaxDefinitionLevel)
        {
            return null;
        }

        return Value(_value++);
    }

    /// <summary>Appends the next row's elements; false when the row's list is null. A null element is NaN.</summary>
    public bool NextList(List<double> into)
    {
        var definitions = _data!.DefinitionLevels;
        var repetitions = _data.RepetitionLevels;
        var first = true;
        var isNull = false;
        while (_level < definitions.Length && (first || repetitions[_level] > 0))
        {
            var definition = definitions[_level++];
            if (first && definition < definedListLevel)
            {
                isNull = true;
            }
            else if (definition == field.MaxDefinitionLevel)
            {
                into.Add(Value(_value++));
            }
            else if (definition > definedListLevel)
            {
                into.Add(double.NaN);
            }

            first = false;
        }

        return !isNull;
    }

    public void Dispose() => _data?.Dispose();

    /// <summary>How many values a number column decoded to.</summary>
    internal static int ValueCount(RawColumnData data) => data switch
    {
        RawColumnData<long> longs => longs.Values.Length,
        RawColumnData<int> ints => ints.Values.Length,
        RawColumnData<double> doubles => doubles.Values.Length,
        RawColumnData<float> floats => floats.Values.Length,
        _ => throw new InvalidOperationException("the column type was checked when the file was opened"),
    };

    private double Value(int index) => _data switch
    {
        RawColumnData<long> longs => longs.Values[index],
        RawColumnData<int> ints => ints.Values[index],
        RawColumnData<double> doubles => doubles.Values[index],
        RawColumnData<float> floats => floats.Values[index],
        _ => throw new InvalidOperationException("the column type was checked when the file was opened"),
    };
}
