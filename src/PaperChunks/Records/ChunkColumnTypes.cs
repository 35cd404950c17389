namespace PaperChunks.Records;

/// <summary>Words for a <see cref="ChunkColumnType"/> in error messages, one place for every reader.</summary>
internal static class ChunkColumnTypes
{
    public static string Describe(ChunkColumnType type) => type switch
    {
        ChunkColumnType.Number => "an integer",
        ChunkColumnType.DigitString => "a string of digits",
        ChunkColumnType.StringList => "a list of strings",
        ChunkColumnType.CommaSeparatedString => "one comma-separated string",
        _ => "a list of {\"id\": …} objects",
    };

    /// <summary>The reason given when a row stores a column otherwise than the rows before it.</summary>
    public static string Mixed(ChunkColumnType established, ChunkColumnType found) =>
        $"expected {Describe(established)} as in the rows before (a file holds one variant), found {Describe(found)}";
}
