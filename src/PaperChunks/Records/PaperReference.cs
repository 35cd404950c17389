namespace PaperChunks.Records;

/// <summary>One entry of a chunk row's <c>references</c> list: on disk <c>{"id": "1609.03193"}</c>.</summary>
/// <param name="Id">The referenced paper's arXiv id.</param>
public sealed record PaperReference(string Id);
