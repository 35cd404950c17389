namespace PaperChunks.Formats.Csv;

/// <summary>
/// Locates things inside one raw CSV record (UTF-8, as it was in the file) by walking RFC 4180's quoting
/// rules: where a field starts, and where the quoting first goes wrong. Positions are the line within the
/// record (0 for its first line) and the 1-based character column on that line.
/// </summary>
internal static class CsvRawRecord
{
    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>Where field <paramref name="index"/> starts (its opening quote, if quoted).</summary>
    public static (int Line, int Column) FieldStart(ReadOnlySpan<byte> raw, int index)
    {
        var field = 0;
        var line = 0;
        var column = 0;
        var state = State.FieldStart;
        foreach (var b in raw)
        {
            if (state == State.FieldStart && field == index)
            {
                return (line, column + 1);
            }

            state = Step(state, b, ref field);
            Advance(b, ref line, ref column);
        }

        return (line, column + 1);
    }

    /// <summary>Where the quoting is first malformed, and what is wrong; null when it is well formed.</summary>
    public static (int Line, int Column, string Reason)? QuoteProblem(ReadOnlySpan<byte> raw)
    {
        var field = 0;
        var line = 0;
        var column = 0;
        var openLine = 0;
        var openColumn = 0;
        var state = State.FieldStart;
        foreach (var b in raw)
        {
            if (state == State.Unquoted && b == (byte)'"')
            {
                return (line, column + 1, "expected no quote inside an unquoted field, found '\"'; quote the whole field and double inner quotes");
            }

            if (state == State.QuoteInQuoted && b is not ((byte)'"' or (byte)',' or (byte)'\r' or (byte)'\n'))
            {
                return (line, column + 1, "expected a separator or line end after the closing quote, found more text; double quotes inside a quoted field");
            }

            if (state == State.FieldStart && b == (byte)'"')
            {
                (openLine, openColumn) = (line, column + 1);
            }

            state = Step(state, b, ref field);
            Advance(b, ref line, ref column);
        }

        return state == State.Quoted
            ? (openLine, openColumn, "expected a closing quote for the field opened here, found the end of the input")
            : null;
    }

    private static State Step(State state, byte b, ref int field) => state switch
    {
        State.FieldStart when b == (byte)'"' => State.Quoted,
        State.FieldStart or State.Unquoted or State.QuoteInQuoted when b == (byte)',' => Next(ref field),
        State.FieldStart or State.Unquoted or State.QuoteInQuoted when b is (byte)'\r' or (byte)'\n' => State.FieldStart,
        State.FieldStart => State.Unquoted,
        State.Quoted when b == (byte)'"' => State.QuoteInQuoted,
        State.QuoteInQuoted when b == (byte)'"' => State.Quoted,
        _ => state,
    };

    private static State Next(ref int field)
    {
        field++;
        return State.FieldStart;
    }

    private static void Advance(byte b, ref int line, ref int column)
    {
        if (b == (byte)'\n')
        {
            line++;
            column = 0;
        }
        else if ((b & 0xC0) != 0x80)
        {
            // Count characters, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start a character.
            column++;
        }
    }
}
