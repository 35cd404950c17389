using System.Text.Json.Serialization;

namespace PaperChunks.Reassembly;

/// <summary>How two consecutive chunks were put together.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JointKind>))]
public enum JointKind
{
    /// <summary>The next chunk began with the exact end of the previous one; that passage is kept once.</summary>
    Overlap,

    /// <summary>The same passage with different whitespace (stripped or reflowed); kept once, as the previous chunk had it.</summary>
    WhitespaceOverlap,

    /// <summary>The next chunk lay wholly inside the end of the previous one; nothing was added.</summary>
    Contained,

    /// <summary>No overlap: the chunks were joined with <see cref="ChunkJoint.Separator"/> between them.</summary>
    Joined,
}
