using System.Text.Json.Serialization;

namespace PaperChunks.Reassembly;

/// <summary>How sure the reassembler is of a joint.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JointCertainty>))]
public enum JointCertainty
{
    /// <summary>The evidence alone decides it: an overlap too long to be chance, or none at all.</summary>
    Certain,

    /// <summary>Decided by the paper's regime: a short overlap that fits it, or a separator its rules determine.</summary>
    Inferred,

    /// <summary>A guess: the whitespace a splitter stripped at a joint without overlap, where its rules leave a choice.</summary>
    Guessed,
}
