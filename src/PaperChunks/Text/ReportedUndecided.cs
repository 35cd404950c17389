namespace PaperChunks.Text;

/// <summary>A suspicious sequence left alone in one field of one record, as kept by <see cref="NormalizationReport"/>.</summary>
/// <param name="RecordId">The record's id (<c>doi#chunk-id</c> for chunks, <c>paper_id</c> for summarization rows).</param>
/// <param name="Field">The on-disk field name, e.g. <c>chunk</c>.</param>
/// <param name="Sequence">The sequence and the reason it was left, its offset within that field's text.</param>
public sealed record ReportedUndecided(string RecordId, string Field, UndecidedSequence Sequence);
