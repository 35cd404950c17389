namespace PaperChunks.Conversion;

/// <summary>Which pass of a pipeline a <see cref="ConvertProgress"/> is about.</summary>
public enum ConvertPhase
{
    /// <summary>The first pass of a normalizing run: reading the inputs to learn their words.</summary>
    LearningVocabulary,

    /// <summary>Reading the inputs and writing the output.</summary>
    Converting,

    /// <summary>Reading chunk rows and writing reassembled papers.</summary>
    Reassembling,

    /// <summary>The first pass of a run with <see cref="ConvertOptions.ScanExtraColumns"/>: reading the inputs to learn their extra columns.</summary>
    ScanningColumns,
}
