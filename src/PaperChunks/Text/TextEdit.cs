namespace PaperChunks.Text;

/// <summary>One replacement a pass made: <see cref="InputLength"/> characters at <see cref="InputStart"/> became <see cref="OutputLength"/> at <see cref="OutputStart"/>.</summary>
internal readonly record struct TextEdit(int InputStart, int InputLength, int OutputStart, int OutputLength)
{
    /// <summary>Maps an offset in a pass's output to its input; inside a replacement it maps to the replacement's start.</summary>
    public static int ToInput(TextEdit[] edits, int offset)
    {
        int lo = 0, hi = edits.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (edits[mid].OutputStart <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0)
            return offset;
        var e = edits[found];
        var outEnd = e.OutputStart + e.OutputLength;
        return offset < outEnd ? e.InputStart : offset - outEnd + e.InputStart + e.InputLength;
    }
}
