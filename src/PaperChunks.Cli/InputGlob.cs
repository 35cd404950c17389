namespace PaperChunks.Cli;

/// <summary>
/// Expands <c>*</c> and <c>?</c> in the file-name part of input arguments (for shells that do not, and for
/// quoted patterns), sorted so that shards convert in order.
/// </summary>
internal static class InputGlob
{
    public static string[] Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            var name = Path.GetFileName(argument);
            if (name.IndexOfAny(['*', '?']) < 0)
            {
                files.Add(argument);
                continue;
            }

            var folder = Path.GetDirectoryName(argument);
            var searchIn = string.IsNullOrEmpty(folder) ? "." : folder;
            if (folder is not null && folder.IndexOfAny(['*', '?']) >= 0)
            {
                throw new FormatException($"wildcards are supported in file names only, found \"{argument}\"");
            }

            var matches = Directory.Exists(searchIn)
                ? Directory.GetFiles(searchIn, name).Select(f => string.IsNullOrEmpty(folder) ? Path.GetFileName(f) : f).ToList()
                : [];
            if (matches.Count == 0)
            {
                throw new FormatException($"no file matches \"{argument}\"");
            }

            matches.Sort(StringComparer.Ordinal);
            files.AddRange(matches);
        }

        return [.. files];
    }
}
