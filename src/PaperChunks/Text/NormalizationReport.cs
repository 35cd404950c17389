namespace PaperChunks.Text;

/// <summary>
/// Totals over many <see cref="RecordNormalizer"/> calls: how many texts were examined and changed, how many
/// fixes of each kind were made (with the first few as examples), and the sequences left undecided (all of
/// them counted, the first <see cref="MaxUndecided"/> kept). Collects from one thread at a time.
/// </summary>
public sealed class NormalizationReport
{
    private readonly long[] _fixCounts = new long[Enum.GetValues<RepairKind>().Length];
    private readonly int[] _exampleCounts = new int[Enum.GetValues<RepairKind>().Length];
    private readonly List<ReportedFix> _examples = [];
    private readonly List<ReportedUndecided> _undecided = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="maxExamplesPerKind">How many fixes of each kind to keep as examples.</param>
    /// <param name="maxUndecided">How many undecided sequences to keep (all are counted).</param>
    public NormalizationReport(int maxExamplesPerKind = 5, int maxUndecided = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxExamplesPerKind);
        ArgumentOutOfRangeException.ThrowIfNegative(maxUndecided);
        MaxExamplesPerKind = maxExamplesPerKind;
        MaxUndecided = maxUndecided;
    }

    /// <summary>How many fixes of each kind are kept in <see cref="Examples"/>.</summary>
    public int MaxExamplesPerKind { get; }

    /// <summary>How many undecided sequences are kept in <see cref="Undecided"/>.</summary>
    public int MaxUndecided { get; }

    /// <summary>Records passed through the normalizer.</summary>
    public long Records { get; private set; }

    /// <summary>Texts (field values, list elements) examined.</summary>
    public long Texts { get; private set; }

    /// <summary>Texts that at least one repair changed.</summary>
    public long ChangedTexts { get; private set; }

    /// <summary>All fixes made.</summary>
    public long FixCount { get; private set; }

    /// <summary>All undecided sequences found, including those not kept.</summary>
    public long UndecidedCount { get; private set; }

    /// <summary>The first fixes of each kind, in the order they were made.</summary>
    public IReadOnlyList<ReportedFix> Examples => _examples;

    /// <summary>The first <see cref="MaxUndecided"/> undecided sequences, in the order they were found.</summary>
    public IReadOnlyList<ReportedUndecided> Undecided => _undecided;

    /// <summary>The number of fixes of <paramref name="kind"/>.</summary>
    /// <param name="kind">A repair kind.</param>
    public long FixesOf(RepairKind kind) => _fixCounts[(int)kind];

    /// <summary>One line: <c>100 records, 12 of 300 texts changed by 15 fixes, 2 undecided</c>.</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Records:N0} records, {ChangedTexts:N0} of {Texts:N0} texts changed by {FixCount:N0} fixes, {UndecidedCount:N0} undecided");

    /// <summary>Counts one record.</summary>
    public void AddRecord() => Records++;

    /// <summary>Adds the outcome of normalizing one text.</summary>
    /// <param name="recordId">The record's id.</param>
    /// <param name="field">The on-disk field name.</param>
    /// <param name="result">What <see cref="TextNormalizer.Normalize(string)"/> returned.</param>
    public void Add(string recordId, string field, NormalizationResult result)
    {
        Texts++;
        if (result.Changed)
            ChangedTexts++;
        foreach (var fix in result.Fixes)
        {
            var kind = (int)fix.Kind;
            _fixCounts[kind]++;
            FixCount++;
            if (_exampleCounts[kind] < MaxExamplesPerKind)
            {
                _exampleCounts[kind]++;
                _examples.Add(new ReportedFix(recordId, field, fix));
            }
        }
        foreach (var undecided in result.Undecided)
        {
            UndecidedCount++;
            if (_undecided.Count < MaxUndecided)
                _undecided.Add(new ReportedUndecided(recordId, field, undecided));
        }
    }
}
