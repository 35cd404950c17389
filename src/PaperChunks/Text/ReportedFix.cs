namespace PaperChunks.Text;

/// <summary>A repair made in one field of one record, as kept by <see cref="NormalizationReport"/>.</summary>
/// <param name="RecordId">The record's id (<c>doi#chunk-id</c> for chunks, <c>paper_id</c> for summarization rows).</param>
/// <param name="Field">The on-disk field name, e.g. <c>chunk</c>.</param>
/// <param name="Fix">The repair, its offset within that field's text.</param>
public sealed record ReportedFix(string RecordId, string Field, TextFix Fix);
