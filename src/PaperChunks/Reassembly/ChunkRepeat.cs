namespace PaperChunks.Reassembly;

/// <summary>
/// A chunk id met more than once for one paper. Identical repeats are dropped; a conflicting repeat
/// (different text) is resolved by <see cref="ReassemblyOptions.DuplicatePolicy"/>.
/// </summary>
/// <param name="Doi">The paper.</param>
/// <param name="ChunkId">The repeated chunk id.</param>
/// <param name="IdenticalCopies">Extra rows whose chunk text equals the kept row's.</param>
/// <param name="ConflictingCopies">Extra rows whose chunk text differs from the kept row's.</param>
public sealed record ChunkRepeat(string Doi, long ChunkId, int IdenticalCopies, int ConflictingCopies)
{
    /// <summary>Whether any repeat disagreed with the kept row's text.</summary>
    public bool IsConflict => ConflictingCopies > 0;
}
