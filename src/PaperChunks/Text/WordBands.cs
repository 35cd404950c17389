using System.IO.Compression;

namespace PaperChunks.Text;

/// <summary>
/// How common an English word is, as the SCOWL size that first lists it (<c>english-word-bands.txt.gz</c>, built by
/// <c>tools/build-word-bands.sh</c>; provenance and license in docs/normalization.md): 10 and 20 for the ~12,500 most
/// common words, then 35, 40, 50 (the rest of the lexicon's common tier), 55, 60, 70 (its rare tier).
/// Used only to break ties the lexicon cannot. Loaded once, on first use; read-only afterwards.
/// </summary>
internal sealed class WordBands
{
    /// <summary>The band of a word no list has.</summary>
    public const int Unlisted = 100;

    private const string ResourceName = "PaperChunks.Text.english-word-bands.txt.gz";

    // SCOWL's sizes in order; a word must be this many sizes more common than its rivals to win a tie
    // (flat, size 10, beats fiat, size 40; nontrivial, 35, is not more common than 40 words).
    private static readonly int[] s_sizes = [10, 20, 35, 40, 50, 55, 60, 70, Unlisted];
    private const int DecisiveSteps = 2;

    private static readonly Lazy<WordBands> s_english = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int> _bands;

    private WordBands(Dictionary<string, int> bands) => _bands = bands;

    public static WordBands English => s_english.Value;

    /// <summary>The SCOWL size of the lower-case <paramref name="word"/>, or <see cref="Unlisted"/>.</summary>
    public int BandOf(string word)
    {
        if (_bands.TryGetValue(word, out var band))
            return band;
        var lexicon = Lexicon.English;
        return lexicon.IsCommon(word) ? 50 : lexicon.Contains(word) ? 70 : Unlisted;
    }

    /// <summary>Whether a word of <paramref name="band"/> is clearly more common than one of <paramref name="rival"/>.</summary>
    public static bool IsClearlyMoreCommon(int band, int rival) =>
        Array.IndexOf(s_sizes, rival) - Array.IndexOf(s_sizes, band) >= DecisiveSteps;

    private static WordBands Load()
    {
        using var resource = typeof(WordBands).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded word bands {ResourceName} are missing from the PaperChunks assembly.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var bands = new Dictionary<string, int>(60_000, StringComparer.Ordinal);
        var band = Unlisted;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('='))
                band = int.Parse(line.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            else if (line.Length > 0)
                bands[line] = band;
        }
        return new WordBands(bands);
    }
}
