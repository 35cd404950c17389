namespace PaperChunks.Reassembly;

/// <summary>What the reassembler does with two rows that share a doi and chunk id but differ in text.</summary>
public enum DuplicatePolicy
{
    /// <summary>Keep the first row met (in input order), report the conflict, carry on (the default).</summary>
    KeepFirst,

    /// <summary>Throw <see cref="PaperChunksFormatException"/> at the first conflicting repeat.</summary>
    Fail,
}
