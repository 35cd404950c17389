using System.Text.RegularExpressions;
using PaperChunks.Records;
using YamlDotNet.RepresentationModel;

namespace PaperChunks.Formats.HubDataset;

/// <summary>
/// A local clone of a Hugging Face dataset repository as an input: its data files by split, from the card's
/// <c>configs</c> (<c>data_files</c> globs per split) or, without them, from the file names as the Hub's default
/// layout names splits (<c>data/train-00000-of-00003.parquet</c>, <c>test.jsonl</c>, <c>validation/…</c>; with no
/// split named anywhere every file is <c>train</c>).
/// </summary>
internal static class HubDatasetFolder
{
    // The Hub's split keywords (datasets' KEYWORDS_IN_FILENAME_BASE_PATTERNS): names that make a file a split's.
    private static readonly (string Split, string[] Names)[] SplitNames =
    [
        ("train", ["train", "training"]),
        ("validation", ["validation", "valid", "val", "dev"]),
        ("test", ["test", "testing", "eval", "evaluation"]),
    ];

    /// <summary>The files of <paramref name="split"/> (or of the folder's only split), in name order.</summary>
    /// <exception cref="PaperChunksFormatException">The split is not in the folder (the message names the ones that are), none was given and there are several, or the folder holds no data files.</exception>
    public static IReadOnlyList<string> Files(string folder, string? split)
    {
        var splits = Splits(folder);
        if (splits.Count == 0)
        {
            throw new PaperChunksFormatException(folder, 0, 0, null, "expected data files (.parquet, .jsonl, .csv) in the dataset folder, found none");
        }

        var names = string.Join(", ", splits.Keys);
        if (split is null)
        {
            return splits.Count == 1
                ? splits.Values.Single()
                : throw new PaperChunksFormatException(folder, 0, 0, null, $"the dataset folder has the splits {names}; choose one (--split, ReaderOptions.Split)");
        }

        return splits.TryGetValue(split, out var files)
            ? files.Count > 0 ? files : throw new PaperChunksFormatException(folder, 0, 0, null, $"the split \"{MessageText.Excerpt(split)}\" of the dataset card's configs matches no file")
            : throw new PaperChunksFormatException(folder, 0, 0, null, $"expected one of the dataset folder's splits ({names}), found \"{MessageText.Excerpt(split)}\"");
    }

    private static SortedDictionary<string, IReadOnlyList<string>> Splits(string folder)
    {
        var all = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith('.') && !f.Contains("/.", StringComparison.Ordinal) && FormatDetector.FromExtension(f) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
        var patterns = CardPatterns(folder);
        var bySplit = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (patterns is not null)
        {
            foreach (var (split, globs) in patterns)
            {
                var regexes = globs.Select(Glob).ToList();
                bySplit[split] = all.Where(f => regexes.Exists(r => r.IsMatch(f))).Select(f => Path.Combine(folder, f)).ToList();
            }

            return bySplit;
        }

        var named = all.Select(f => (File: f, Split: SplitOf(f))).ToList();
        foreach (var group in named.GroupBy(n => n.Split ?? (named.Exists(m => m.Split is not null) ? null : "train")))
        {
            if (group.Key is not null)
            {
                bySplit[group.Key] = group.Select(n => Path.Combine(folder, n.File)).ToList();
            }
        }

        return bySplit;
    }

    // A directory or a file name that is, or starts with, a split keyword followed by a separator or digit.
    private static string? SplitOf(string relative)
    {
        foreach (var part in relative.Split('/'))
        {
            foreach (var (split, names) in SplitNames)
            {
                if (names.Any(n => part.StartsWith(n, StringComparison.OrdinalIgnoreCase)
                    && (part.Length == n.Length || part[n.Length] is '-' or '_' or '.' or ' ' || char.IsAsciiDigit(part[n.Length]))))
                {
                    return split;
                }
            }
        }

        return null;
    }

    // The default config's data_files from README.md's YAML header: split -> globs; null without a card or configs.
    private static Dictionary<string, List<string>>? CardPatterns(string folder)
    {
        var path = Path.Combine(folder, DatasetCard.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---", 3, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            return null;
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text[4..end]));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new PaperChunksFormatException(path, e.Start.Line + 1, e.Start.Column, null, $"expected the dataset card's YAML header, found: {e.Message}", e);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue("configs", out var configsNode) || configsNode is not YamlSequenceNode configs)
        {
            return null;
        }

        var config = Chosen(path, configs.OfType<YamlMappingNode>().ToList());
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!config.Children.TryGetValue("data_files", out var dataFiles))
        {
            return null;
        }

        if (dataFiles is YamlSequenceNode entries && entries.All(e => e is YamlMappingNode))
        {
            foreach (var entry in entries.Cast<YamlMappingNode>())
            {
                var split = Scalar(entry, "split") ?? "train";
                (result.TryGetValue(split, out var list) ? list : result[split] = []).AddRange(Paths(entry.Children.TryGetValue("path", out var p) ? p : null));
            }
        }
        else
        {
            result["train"] = Paths(dataFiles).ToList();
        }

        return result;
    }

    private static YamlMappingNode Chosen(string path, List<YamlMappingNode> configs) =>
        configs.Find(c => Scalar(c, "default") == "true")
        ?? configs.Find(c => Scalar(c, "config_name") == "default")
        ?? (configs.Count == 1 ? configs[0]
            : throw new PaperChunksFormatException(path, 0, 0, "configs", $"expected a default config, found {string.Join(", ", configs.Select(c => Scalar(c, "config_name")))}"));

    private static IEnumerable<string> Paths(YamlNode? node) => node switch
    {
        YamlScalarNode scalar when scalar.Value is { } value => [value],
        YamlSequenceNode list => list.OfType<YamlScalarNode>().Select(s => s.Value!).Where(v => v is not null),
        _ => [],
    };

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    // data_files globs as fsspec reads them: ** any depth, * and ? within a path segment.
    private static Regex Glob(string glob) => new(
        "^" + Regex.Escape(glob.TrimStart('.', '/')).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$",
        RegexOptions.CultureInvariant);
}
