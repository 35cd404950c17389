namespace PaperChunks.Records;

/// <summary>
/// A field a reader found that the record type does not model. Kept as raw JSON so that a read → write
/// round trip loses nothing.
/// </summary>
/// <param name="Name">The field name as on disk.</param>
/// <param name="Json">The value as JSON text, e.g. <c>"x"</c>, <c>12</c>, <c>[1,2]</c>, <c>null</c>.</param>
public sealed record ExtraField(string Name, string Json);
