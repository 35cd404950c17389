namespace PaperChunks.Records;

/// <summary>
/// A row of a column set PaperChunks does not model (neither chunk rows nor SciTLDR rows): its cells in
/// header order, each as JSON text, so that it can still be converted and written losslessly.
/// Equality is by value, fields compared in order.
/// </summary>
public sealed record GenericRecord
{
    /// <summary>The row's cells in column order: on-disk name and JSON value (<c>"x"</c>, <c>12</c>, <c>[1,2]</c>, <c>null</c>).</summary>
    public required IReadOnlyList<ExtraField> Fields { get; init; }

    /// <summary>The JSON text of the named field, or <see langword="null"/> when the row has no such field.</summary>
    /// <param name="name">The on-disk column name.</param>
    public string? JsonOf(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field.Json;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(GenericRecord? other) => other is not null && Fields.SequenceEqual(other.Fields);

    /// <inheritdoc/>
    public override int GetHashCode() => Fields.Count == 0 ? 0 : HashCode.Combine(Fields.Count, Fields[0]);
}
