using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// Settings of <see cref="PaperReassembler"/>, validated once when it is created. Immutable: derive a
/// variant with a <c>with</c> expression.
/// </summary>
public sealed record ReassemblyOptions
{
    /// <summary>The defaults: 8-character minimum overlap, no gap marker, keep first, 256 MB.</summary>
    public static ReassemblyOptions Default { get; } = new();

    /// <summary>
    /// Shortest overlap (counted with whitespace runs collapsed to one space) merged at a joint. Shorter
    /// suffix/prefix matches are taken for chance (<c>the</c>) and the chunks are joined with a newline.
    /// Default 8: the shortest headings the seeds repeat at a joint (<c># 3. Model</c>) are longer.
    /// </summary>
    public int MinOverlapChars { get; init; } = 8;

    /// <summary>Insert a visible marker (<c>[missing chunks 45–46]</c>) in the text where chunks are missing. Off by default.</summary>
    public bool InsertGapMarkers { get; init; }

    /// <summary>What to do with a repeated chunk id whose text differs. Default <see cref="DuplicatePolicy.KeepFirst"/>.</summary>
    public DuplicatePolicy DuplicatePolicy { get; init; } = DuplicatePolicy.KeepFirst;

    /// <summary>
    /// Remove running-header lines (a line repeated on at least <see cref="RunningHeaderMinRepeats"/>
    /// pages, such as <c>Published as a conference paper at ICLR 2016</c>) and lone page-number lines
    /// from each paper's text; spans are moved to match. Off by default.
    /// </summary>
    public bool StripRunningHeaders { get; init; }

    /// <summary>How many times a line must occur in one paper to count as a running header. Default 3.</summary>
    public int RunningHeaderMinRepeats { get; init; } = 3;

    /// <summary>
    /// Whether the input is already grouped by doi (every paper's rows contiguous, in any chunk order).
    /// Grouped input is reassembled in one pass holding one paper; otherwise rows go through an
    /// external sort bounded by <see cref="MemoryLimitBytes"/>. Default false.
    /// </summary>
    public bool InputGroupedByDoi { get; init; }

    /// <summary>
    /// Memory the external sort may hold before it spills a sorted run to a temporary file. Default
    /// 256 MB; at least 1 MB.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How many parts of the input <see cref="PaperReassembler.Reassemble(IReadOnlyList{IEnumerable{ChunkRecord}})"/>
    /// reads at once, each on a thread of its own. Default: the number of processors; 1 reads the parts
    /// one after another on the caller's thread.
    /// </summary>
    public int ReadThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Folder for the external sort's temporary files; <see langword="null"/> for the system temp folder.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>
    /// A rewrite applied to each chunk's text before joining (for example a text normalizer), or
    /// <see langword="null"/>. Applied per chunk so that spans stay exact.
    /// </summary>
    public Func<string, string>? ChunkTextTransform { get; init; }

    internal void Validate()
    {
        if (MinOverlapChars < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinOverlapChars), MinOverlapChars, "must be at least 1");
        }

        if (RunningHeaderMinRepeats < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(RunningHeaderMinRepeats), RunningHeaderMinRepeats, "must be at least 2");
        }

        if (MemoryLimitBytes < 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, "must be at least 1 MB");
        }

        if (ReadThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ReadThreads), ReadThreads, "must be at least 1");
        }

        if (!Enum.IsDefined(DuplicatePolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(DuplicatePolicy), DuplicatePolicy, "is not a defined policy");
        }
    }
}
