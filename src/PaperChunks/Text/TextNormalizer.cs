using System.Buffers;

namespace PaperChunks.Text;

/// <summary>
/// Repairs the damage PDF extraction does to text (mojibake, ligatures, spacing diacritics, line-break
/// hyphens, invisible characters; see docs/normalization.md for every rule) and says what it changed.
/// Text that is not damaged comes back as the same string instance without allocating. Immutable, so one
/// instance may serve many threads.
/// </summary>
public sealed class TextNormalizer
{
    private static readonly SearchValues<char> s_nonAscii = SearchValues.Create(NonAsciiCharacters());

    private readonly TextRepair[] _repairs;
    private readonly SearchValues<char> _suspicious;
    private readonly SearchValues<char> _asciiSuspicious;
    private readonly bool _searchMarkers;
    private readonly bool _searchMixups;

    /// <summary>Creates a normalizer with <see cref="TextNormalizerOptions.Default"/> and no corpus vocabulary.</summary>
    public TextNormalizer()
        : this(TextNormalizerOptions.Default)
    {
    }

    /// <summary>Creates a normalizer making the repairs <paramref name="options"/> switches on.</summary>
    /// <param name="options">Which repairs to make.</param>
    /// <param name="vocabulary">
    /// Words and compounds of the corpus being normalized (see <see cref="CorpusVocabulary.FromTexts"/>); the
    /// ligature and hyphenation repairs trust them as much as the document's own words. Optional.
    /// </param>
    public TextNormalizer(TextNormalizerOptions options, CorpusVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Vocabulary = vocabulary;
        var repairs = new List<TextRepair>();
        if (options.RepairLosslessMojibake) repairs.Add(new EncodingMixupRepair());
        if (options.RepairLossyMojibake) repairs.Add(new LossyMojibakeRepair());
        if (options.ExpandLigatures) repairs.Add(new LigatureRepair());
        if (options.JoinSpacingDiacritics) repairs.Add(new SpacingDiacriticRepair());
        if (options.RemoveInvisibleCharacters) repairs.Add(new InvisibleCharacterRepair(options.ReplaceNoBreakSpaces));
        if (options.JoinHyphenation) repairs.Add(new HyphenationRepair());
        if (options.RemoveSciTldrMarkers) repairs.Add(new SciTldrMarkerRepair());
        _repairs = [.. repairs];
        var triggers = new HashSet<char>();
        foreach (var repair in _repairs)
            triggers.UnionWith(repair.Triggers ?? "");
        _suspicious = SearchValues.Create([.. triggers]);
        var ascii = triggers.Where(c => c < '\u0080').ToList();
        if (options.JoinHyphenation)
            ascii.Add('-');
        _asciiSuspicious = SearchValues.Create([.. ascii]);
        _searchMarkers = options.RemoveSciTldrMarkers;
        _searchMixups = options.RepairLosslessMojibake;
    }

    /// <summary>The repairs this normalizer makes.</summary>
    public TextNormalizerOptions Options { get; }

    /// <summary>The corpus vocabulary the ligature and hyphenation repairs consult, if any.</summary>
    public CorpusVocabulary? Vocabulary { get; }

    /// <summary>
    /// Repairs <paramref name="text"/>. The result's <see cref="NormalizationResult.Text"/> is
    /// <paramref name="text"/> itself when nothing was changed; each change is listed in
    /// <see cref="NormalizationResult.Fixes"/> with its offset in <paramref name="text"/>, and each suspicious
    /// sequence the context did not decide is left as it is and listed in <see cref="NormalizationResult.Undecided"/>.
    /// </summary>
    /// <param name="text">The text to repair, e.g. a chunk.</param>
    public NormalizationResult Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
            return NormalizationResult.Unchanged(text);
        var session = new RepairSession(text, Vocabulary);
        var current = text;
        foreach (var repair in _repairs)
            current = repair.Apply(current, session);
        if (session.Fixes.Count == 0 && session.Undecided.Count == 0)
            return NormalizationResult.Unchanged(text);
        return new NormalizationResult(session.Fixes.Count == 0 ? text : current, [.. session.Fixes], [.. session.Undecided]);
    }

    // Clean text is mostly ASCII, so the scan is two vectorized SearchValues searches that both stay in
    // their fast paths: any non-ASCII character (a range), and before it the ASCII triggers (control
    // characters, and '-' for a line-break hyphen). A non-ASCII character is then looked up in the full
    // trigger set; the triggers clean text holds (accented letters of French, German, Portuguese; ×; a
    // hyphen not followed by a space) are dismissed by their neighbours, all without allocating. One
    // SearchValues over the mixed set plus a search for "- " measured 0.9 GB/s on clean chunk text.
    private bool IsClean(string text)
    {
        var span = text.AsSpan();
        var from = 0;
        while (from < span.Length)
        {
            var rest = span[from..];
            var nonAscii = rest.IndexOfAny(s_nonAscii);
            var asciiEnd = from + (nonAscii < 0 ? rest.Length : nonAscii);
            var at = from;
            while (true)
            {
                var hit = span[at..asciiEnd].IndexOfAny(_asciiSuspicious);
                if (hit < 0)
                    break;
                at += hit;
                if (text[at] != '-' || HyphenationRepair.IsCandidate(text, at))
                    return false;
                at++;
            }
            if (nonAscii < 0)
                break;
            var i = from + nonAscii;
            if ((_searchMixups && EncodingMixupRepair.MayStart(text, i)) || (_suspicious.Contains(text[i]) && MayBeDamaged(text, i)))
                return false;
            from = i + 1;
        }
        return !_searchMarkers;
    }

    /// <summary>False only when no repair would act on, or report, the trigger at <paramref name="i"/>.</summary>
    private static bool MayBeDamaged(string text, int i)
    {
        var c = text[i];
        if (c is < '\u00C2' or > '\u00F4')
            return true;
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        var previous = i > 0 ? text[i - 1] : '\0';
        if (MojibakeCodec.Windows1252.ByteOf(next) is >= 0x80 and <= 0xBF)
            return true;
        return c switch
        {
            'ï' => next == '¬',
            'â' => !LossyMojibakeRepair.IsPlainLetter(text, i),
            // Ë before a lower-case letter is a spacing accent that lost its second byte (TomáËs).
            'Ë' when char.IsAsciiLetterLower(next) => true,
            'Ã' or 'Ë' or 'Ï' => !char.IsLetter(previous) || !char.IsLetter(next) || next is 'Ã' or 'Ë' or 'Ï',
            _ => false,
        };
    }

    private static char[] NonAsciiCharacters()
    {
        var characters = new char[0x10000 - 0x80];
        for (var i = 0; i < characters.Length; i++)
            characters[i] = (char)(0x80 + i);
        return characters;
    }
}
