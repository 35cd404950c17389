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
}
