namespace PaperChunks.Formats.ViewerText;

/// <summary>
/// One column of a dataset-viewer header: its name, its type as the viewer prints it
/// (<c>stringlengths</c>, <c>int64</c>, <c>list</c>, <c>sequence</c>, <c>string</c>, …) and, for
/// the types that show them, the dataset-wide minimum and maximum (string lengths or values).
/// </summary>
/// <param name="Name">The column name, e.g. <c>chunk-id</c>.</param>
/// <param name="Type">The viewer's type word, e.g. <c>stringlengths</c>.</param>
/// <param name="Min">The minimum as printed (<c>401</c>), or <see langword="null"/> when not shown.</param>
/// <param name="Max">The maximum as printed (<c>2.02k</c>), or <see langword="null"/> when not shown.</param>
/// <param name="IsNullable">Whether the viewer marked the column as holding nulls (<c>⌀</c>, pipe tables only).</param>
internal sealed record ViewerColumn(string Name, string Type, string? Min, string? Max, bool IsNullable)
{
    /// <summary>Whether cells hold integers (<c>int8</c> … <c>int64</c>, <c>uint8</c> … <c>uint64</c>).</summary>
    public bool IsInteger => ViewerTypes.IsInteger(Type);

    /// <summary>Whether cells hold JSON lists (<c>list</c>, <c>sequence</c>).</summary>
    public bool IsList => ViewerTypes.IsList(Type);

    /// <summary><see cref="Min"/> as a number, <c>2.02k</c> read as 2020; <see langword="null"/> when not shown.</summary>
    public double? MinValue => ViewerTypes.ParseStatistic(Min);

    /// <summary><see cref="Max"/> as a number, <c>2.02k</c> read as 2020; <see langword="null"/> when not shown.</summary>
    public double? MaxValue => ViewerTypes.ParseStatistic(Max);

    /// <summary>
    /// The one length every string in the column has, when the header pins it exactly (min equal to
    /// max, printed without rounding, e.g. <c>doi</c> 10 to 10); otherwise <see langword="null"/>.
    /// </summary>
    public int? ExactLength =>
        Type == ViewerTypes.StringLengths && Min is not null && Min == Max && int.TryParse(Min, out var n) ? n : null;
}
