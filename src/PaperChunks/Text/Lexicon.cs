using System.IO.Compression;

namespace PaperChunks.Text;

/// <summary>
/// The embedded English word list (<c>english-words.txt.gz</c>: 73,164 common words from SCOWL size 50 and
/// 56,807 rarer ones from size 70, lower-case, built by <c>tools/build-lexicon.sh</c>; provenance and license
/// in docs/normalization.md). Loaded once, on first use, and read-only afterwards, so it is safe to share
/// between threads.
/// </summary>
internal sealed class Lexicon
{
    private const string ResourceName = "PaperChunks.Text.english-words.txt.gz";

    private static readonly Lazy<Lexicon> s_english = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Inflections and derivations SCOWL lists only for common words, tried when the word itself is absent:
    // a suffix and what may stand in its place on the listed word ("" keeps the bare stem). -ize forms need
    // the -ize verb listed, or any noun would do (mediums + ized = "mediumsized").
    private static readonly (string Suffix, string[] Stems)[] s_suffixes =
    [
        ("s", [""]), ("es", [""]), ("ed", ["", "e"]), ("ing", ["", "e"]), ("er", ["", "e"]), ("ers", ["", "e"]),
        ("ly", [""]), ("al", ["", "e"]), ("ally", ["", "al"]), ("ity", ["", "e"]), ("ities", ["", "e", "ity"]),
        ("ness", [""]), ("able", ["", "e"]), ("ation", ["", "e", "ate"]), ("ations", ["", "e", "ate", "ation"]),
        ("izes", ["ize"]), ("ized", ["ize"]), ("izing", ["ize"]), ("ization", ["ize"]), ("izations", ["ize", "ization"]),
        ("ises", ["ise"]), ("ised", ["ise"]), ("ising", ["ise"]),
    ];

    private static readonly string[] s_prefixes =
        ["un", "re", "pre", "non", "over", "under", "sub", "super", "multi", "inter", "de", "co", "mis", "semi"];

    private readonly HashSet<string> _words;
    private readonly HashSet<string> _common;

    private Lexicon(HashSet<string> words, HashSet<string> common)
    {
        _words = words;
        _common = common;
    }

    public static Lexicon English => s_english.Value;

    public int Count => _words.Count;

    /// <summary>Whether the lower-case <paramref name="word"/> is among the common words (SCOWL size 50).</summary>
    public bool IsCommon(string word) => _common.Contains(word);

    /// <summary>Whether the lower-case <paramref name="word"/> is listed as it is.</summary>
    public bool Contains(string word) => _words.Contains(word);

    /// <summary>Whether the lower-case <paramref name="word"/> is listed, or is a listed word with a common prefix or suffix.</summary>
    public bool ContainsInflected(string word)
    {
        if (ContainsWithSuffix(word))
            return true;
        foreach (var prefix in s_prefixes)
        {
            if (word.Length - prefix.Length >= 3 && word.StartsWith(prefix, StringComparison.Ordinal)
                && ContainsWithSuffix(word[prefix.Length..]))
                return true;
        }
        return false;
    }

    private bool ContainsWithSuffix(string word)
    {
        if (_words.Contains(word))
            return true;
        foreach (var (suffix, stems) in s_suffixes)
        {
            if (word.Length - suffix.Length < 3 || !word.EndsWith(suffix, StringComparison.Ordinal))
                continue;
            var stem = word[..^suffix.Length];
            foreach (var ending in stems)
            {
                if (_words.Contains(stem + ending))
                    return true;
            }
            // Doubled final consonant: planned → plan, running → run.
            if (stems[0].Length == 0 && stem[^1] == stem[^2] && _words.Contains(stem[..^1]))
                return true;
        }
        return false;
    }

    private static Lexicon Load()
    {
        using var resource = typeof(Lexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded lexicon {ResourceName} is missing from the PaperChunks assembly.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new HashSet<string>(140_000, StringComparer.Ordinal);
        var common = new HashSet<string>(80_000, StringComparer.Ordinal);
        var inCommon = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                inCommon = false;
                continue;
            }
            words.Add(line);
            if (inCommon)
                common.Add(line);
        }
        return new Lexicon(words, common);
    }
}
