using System.Globalization;
using Parquet.Data;
using Parquet.Schema;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Checks a column as Parquet.Net decoded it against its row group before the cursors walk it: damaged
/// metadata or levels can decode to fewer entries than the row group's rows, levels above the column's
/// maximum, or more present values than were decoded, and the cursors index by those numbers (an
/// IndexOutOfRangeException found by the long fuzz run, seed 7GvgFxSclds1). One vectorized pass over the levels.
/// </summary>
internal static class DecodedColumnCheck
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the column when the decoded data cannot hold <paramref name="rows"/> rows.</summary>
    public static void Check(DataField field, RawColumnData data, int values, long rows)
    {
        // Parquet.Net's level getters throw for a column without levels of that kind.
        var definitions = field.MaxDefinitionLevel > 0 ? data.DefinitionLevels : [];
        var repetitions = field.MaxRepetitionLevel > 0 ? data.RepetitionLevels : [];
        var column = string.Join('.', field.Path.ToList());
        if (field.MaxDefinitionLevel > 0 && definitions.IndexOfAnyExceptInRange(0, field.MaxDefinitionLevel) is var badDefinition and >= 0)
        {
            throw Corrupt(column, $"a definition level of {definitions[badDefinition]} where the column's highest is {field.MaxDefinitionLevel}");
        }

        long rowsFound;
        if (field.MaxRepetitionLevel > 0)
        {
            if (repetitions.Length != definitions.Length || repetitions.IndexOfAnyExceptInRange(0, field.MaxRepetitionLevel) >= 0)
            {
                throw Corrupt(column, $"repetition levels that do not match its definition levels");
            }

            rowsFound = repetitions.Count(0);
        }
        else
        {
            rowsFound = field.MaxDefinitionLevel > 0 ? definitions.Length : values;
        }

        if (rowsFound < rows)
        {
            throw Corrupt(column, $"{rowsFound:N0} rows where its row group has {rows:N0}");
        }

        var present = field.MaxDefinitionLevel > 0 ? definitions.Count(field.MaxDefinitionLevel) : rowsFound;
        if (present > values)
        {
            throw Corrupt(column, $"{present:N0} values marked present where {values:N0} were decoded");
        }
    }

    private static InvalidDataException Corrupt(string column, FormattableString what) =>
        new($"column \"{column}\" decodes to {what.ToString(CultureInfo.InvariantCulture)}");
}
