namespace PaperChunks.Reassembly;

/// <summary>What the search found at one joint, before the regime decides: the raw borders and the collapsed one.</summary>
/// <param name="Raw">Raw border lengths, longest first (<see cref="OverlapFinder.RawBorders"/>).</param>
/// <param name="Collapsed">Longest word-aligned border of the collapsed texts, in collapsed characters; 0 if none or not searched.</param>
internal sealed record JointEvidence(int[] Raw, int Collapsed);
