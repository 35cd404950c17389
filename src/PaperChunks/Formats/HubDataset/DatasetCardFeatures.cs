using Parquet.Schema;

namespace PaperChunks.Formats.HubDataset;

/// <summary>
/// The <c>dataset_info.features</c> YAML of a dataset card for a Parquet schema, in the form the <c>datasets</c>
/// library writes and reads (<c>Features._to_yaml_list</c> / <c>_from_yaml_list</c>): a value is
/// <c>{name, dtype: string}</c>, a list of values <c>{name, sequence: string}</c> (what <c>datasets</c> makes of an
/// Arrow list when the Parquet file carries no features of its own), a list of structs
/// <c>{name, list: [{name: id, dtype: string}]}</c>, a struct <c>{name, struct: […]}</c>.
/// </summary>
internal static class DatasetCardFeatures
{
    /// <summary>One YAML mapping per top-level column, in schema order.</summary>
    /// <exception cref="NotSupportedException">A column's type has no <c>datasets</c> feature this writer knows.</exception>
    public static List<object> Of(ParquetSchema schema) => schema.Fields.Select(Named).ToList<object>();

    private static Dictionary<string, object> Named(Field field)
    {
        var feature = new Dictionary<string, object> { ["name"] = field.Name };
        foreach (var (key, value) in Type(field))
        {
            feature[key] = value;
        }

        return feature;
    }

    private static Dictionary<string, object> Type(Field field) => field switch
    {
        DataField data => new() { ["dtype"] = Dtype(data) },
        ListField { Item: DataField item } => new() { ["sequence"] = Dtype(item) },
        ListField { Item: StructField entry } => new() { ["list"] = entry.Fields.Select(Named).ToList<object>() },
        ListField { Item: var item } => new() { ["sequence"] = Type(item) },
        StructField s => new() { ["struct"] = s.Fields.Select(Named).ToList<object>() },
        _ => throw new NotSupportedException($"column \"{field.Name}\" is a {field.SchemaType}, which the dataset card cannot describe"),
    };

    // Arrow's type names, which datasets' Value takes as dtype.
    private static string Dtype(DataField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? "string"
            : type == typeof(long) ? "int64"
            : type == typeof(int) ? "int32"
            : type == typeof(short) ? "int16"
            : type == typeof(double) ? "float64"
            : type == typeof(float) ? "float32"
            : type == typeof(bool) ? "bool"
            : type == typeof(byte[]) ? "binary"
            : throw new NotSupportedException($"column \"{field.Name}\" holds {type.Name} values, which the dataset card cannot describe");
    }
}
