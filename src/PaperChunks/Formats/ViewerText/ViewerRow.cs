namespace PaperChunks.Formats.ViewerText;

/// <summary>What a <see cref="ViewerParser"/> hands out: a row, or a row it could not place.</summary>
/// <param name="Line">The line on which the row starts, or the line to point at.</param>
internal abstract record ViewerOutput(long Line);

/// <summary>One row's cells as text, in header order, with where each cell starts; <c>null</c> cells were printed as <c>null</c>.</summary>
/// <param name="Number">1-based row number within the file.</param>
/// <param name="Line">Line on which the row starts.</param>
/// <param name="Cells">One entry per header column.</param>
/// <param name="CellLines">The line on which each cell starts.</param>
internal sealed record ViewerRow(long Number, long Line, string?[] Cells, long[] CellLines) : ViewerOutput(Line);

/// <summary>A row the parser could not place, located for the user.</summary>
/// <param name="Line">The line to point at.</param>
/// <param name="Field">The column involved, or <c>null</c> for the whole row.</param>
/// <param name="Reason">What was expected and found.</param>
internal sealed record ViewerRowError(long Line, string? Field, string Reason) : ViewerOutput(Line);
