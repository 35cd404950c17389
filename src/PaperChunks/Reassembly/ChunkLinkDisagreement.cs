namespace PaperChunks.Reassembly;

/// <summary>
/// A semantic-chunks row whose <c>prechunk_id</c> or <c>postchunk_id</c> names another row of its paper than the
/// one its id puts next to it (the paper is assembled in id order; a link to a row that is not there is a gap instead).
/// </summary>
/// <param name="Doi">The paper.</param>
/// <param name="ChunkId">The row's index (the end of its id).</param>
/// <param name="Field"><c>prechunk_id</c> or <c>postchunk_id</c>.</param>
/// <param name="Link">The link as stored (<c>""</c> claims the paper's end).</param>
/// <param name="Expected">The neighbour's id in id order, or <c>""</c> at the paper's end.</param>
public sealed record ChunkLinkDisagreement(string Doi, long ChunkId, string Field, string Link, string Expected);
