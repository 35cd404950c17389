using PaperChunks.Records;

namespace PaperChunks.Formats.ShortScience;

/// <summary>An entry the parser read, or the error of one it could not, located.</summary>
/// <param name="Line">The entry's first line, or the line to point at.</param>
/// <param name="Record">The entry, or <c>null</c> for an error.</param>
/// <param name="Field">The part of the entry involved in an error (<c>authors</c>, <c>summary</c>, …).</param>
/// <param name="Reason">What was expected and found, for an error.</param>
internal sealed record ShortScienceOutput(long Line, PaperSummaryRecord? Record, string? Field = null, string? Reason = null);
