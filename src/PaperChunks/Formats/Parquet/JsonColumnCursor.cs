using System.Buffers;
using System.Globalization;
using System.Text.Json;
using PaperChunks.Formats.Jsonl;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Walks a column the chunk layout does not name, a scalar or a list of scalars of any type but text, row by
/// row, and gives each row's value as JSON text: a foreign file's scores, flags, dates and embeddings are kept
/// as extra fields (as the JSON Lines reader keeps them), not dropped. Integers are written exactly, floats in
/// their shortest round-trip form, NaN and infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c> and
/// <c>"-Infinity"</c> (JSON has no such numbers), dates and times as ISO 8601 strings.
/// </summary>
internal sealed class JsonColumnCursor : IDisposable
{
    private static readonly Type[] Kept =
    [
        typeof(bool), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
        typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(DateTime), typeof(DateOnly), typeof(TimeOnly),
        typeof(TimeSpan), typeof(ReadOnlyMemory<char>), typeof(string),
    ];

    private readonly DataField _leaf;
    private readonly int _definedListLevel;
    private readonly bool _isList;
    private readonly bool _isDate;
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly Utf8JsonWriter _writer;
    private RawColumnData? _data;
    private int _value;
    private int _level;

    private JsonColumnCursor(DataField leaf, int definedListLevel, bool isList)
    {
        _leaf = leaf;
        _definedListLevel = definedListLevel;
        _isList = isList;
        _isDate = leaf is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date };
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = MinimalJsonEncoder.Instance, SkipValidation = true });
    }

    /// <summary>A cursor for a scalar or a one-level list of a kept type; <see langword="null"/> for other shapes (structs, maps, nested lists, binary).</summary>
    public static JsonColumnCursor? For(Field field) => field switch
    {
        DataField { MaxRepetitionLevel: 0 } scalar when Array.IndexOf(Kept, scalar.ClrType) >= 0 => new JsonColumnCursor(scalar, 0, false),
        ListField { Item: DataField { MaxRepetitionLevel: 1 } item } list when Array.IndexOf(Kept, item.ClrType) >= 0 =>
            new JsonColumnCursor(item, list.IsNullable ? 1 : 0, true),
        _ => null,
    };

    /// <summary>Decodes the column's values in <paramref name="rowGroup"/>.</summary>
    public async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        _data?.Dispose();
        _data = await rowGroup.ReadRawColumnDataBaseAsync(_leaf, cancellationToken).ConfigureAwait(false);
        DecodedColumnCheck.Check(_leaf, _data, ValueCount(_data), rowGroup.RowCount);
        _value = 0;
        _level = 0;
    }

    /// <summary>The next row's value as JSON text (<c>null</c> for a null).</summary>
    public string Next()
    {
        _json.ResetWrittenCount();
        _writer.Reset();
        if (_isList)
        {
            WriteList();
        }
        else if (_leaf.MaxDefinitionLevel > 0 && _data!.DefinitionLevels[_level++] < _leaf.MaxDefinitionLevel)
        {
            _writer.WriteNullValue();
        }
        else
        {
            WriteValue(_value++);
        }

        _writer.Flush();
        return System.Text.Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _data?.Dispose();
        _writer.Dispose();
    }

    private void WriteList()
    {
        var definitions = _data!.DefinitionLevels;
        var repetitions = _data.RepetitionLevels;
        var first = true;
        while (_level < definitions.Length && (first || repetitions[_level] > 0))
        {
            var definition = definitions[_level++];
            if (first && definition < _definedListLevel)
            {
                _writer.WriteNullValue();
                return;
            }

            if (first)
            {
                _writer.WriteStartArray();
            }

            if (definition == _leaf.MaxDefinitionLevel)
            {
                WriteValue(_value++);
            }
            else if (definition > _definedListLevel)
            {
                _writer.WriteNullValue();
            }

            first = false;
        }

        _writer.WriteEndArray();
    }

    private void WriteValue(int index)
    {
        switch (_data)
        {
            case RawColumnData<long> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<int> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<double> v: WriteFloat(v.Values[index]); break;
            case RawColumnData<float> v: WriteFloat(v.Values[index]); break;
            case RawColumnData<bool> v: _writer.WriteBooleanValue(v.Values[index]); break;
            case RawColumnData<ReadOnlyMemory<char>> v: _writer.WriteStringValue(v.Values[index].Span); break;
            case RawColumnData<decimal> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<short> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<sbyte> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<byte> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<ushort> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<uint> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<ulong> v: _writer.WriteNumberValue(v.Values[index]); break;
            case RawColumnData<DateTime> v when _isDate: _writer.WriteStringValue(v.Values[index].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case RawColumnData<DateTime> v: _writer.WriteStringValue(v.Values[index]); break;
            case RawColumnData<DateOnly> v: _writer.WriteStringValue(v.Values[index].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case RawColumnData<TimeOnly> v: _writer.WriteStringValue(v.Values[index].ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case RawColumnData<TimeSpan> v: _writer.WriteStringValue(System.Xml.XmlConvert.ToString(v.Values[index])); break;
            default: throw new InvalidOperationException("the column type was checked when the file was opened");
        }
    }

    // A float is written at its own precision (0.1f as 0.1, not 0.10000000149011612).
    private void WriteFloat(float value)
    {
        if (float.IsFinite(value))
        {
            _writer.WriteNumberValue(value);
        }
        else
        {
            WriteFloat((double)value);
        }
    }

    private void WriteFloat(double value)
    {
        if (double.IsFinite(value))
        {
            _writer.WriteNumberValue(value);
        }
        else
        {
            _writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static int ValueCount(RawColumnData data) => data switch
    {
        RawColumnData<long> v => v.Values.Length,
        RawColumnData<int> v => v.Values.Length,
        RawColumnData<double> v => v.Values.Length,
        RawColumnData<float> v => v.Values.Length,
        RawColumnData<bool> v => v.Values.Length,
        RawColumnData<ReadOnlyMemory<char>> v => v.Values.Length,
        RawColumnData<decimal> v => v.Values.Length,
        RawColumnData<short> v => v.Values.Length,
        RawColumnData<sbyte> v => v.Values.Length,
        RawColumnData<byte> v => v.Values.Length,
        RawColumnData<ushort> v => v.Values.Length,
        RawColumnData<uint> v => v.Values.Length,
        RawColumnData<ulong> v => v.Values.Length,
        RawColumnData<DateTime> v => v.Values.Length,
        RawColumnData<DateOnly> v => v.Values.Length,
        RawColumnData<TimeOnly> v => v.Values.Length,
        RawColumnData<TimeSpan> v => v.Values.Length,
        _ => throw new InvalidOperationException("the column type was checked when the file was opened"),
    };
}
