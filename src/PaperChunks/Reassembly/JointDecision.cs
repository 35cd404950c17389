namespace PaperChunks.Reassembly;

/// <summary>What to do at a joint: keep <see cref="Length"/> characters of the next chunk once (raw, or collapsed for a whitespace overlap), or join with a separator.</summary>
internal readonly record struct JointDecision(JointKind Kind, int Length, string Separator, JointCertainty Certainty, double Chance);
