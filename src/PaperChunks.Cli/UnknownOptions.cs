using System.CommandLine;

namespace PaperChunks.Cli;

/// <summary>
/// Finds option-like tokens that a command's file arguments swallowed. System.CommandLine reports an
/// unknown token only when no argument takes it, and an input list takes any token (dotnet/command-line-api
/// treats <c>--reprot</c> as a file name there), so an unknown option would otherwise become a path.
/// Its own typo correction is internal and runs only on unmatched tokens; the suggestion here uses the
/// same measure (edit distance of at most 3 over the option's name without its dashes).
/// </summary>
internal static class UnknownOptions
{
    private const int MaxDistance = 3;

    /// <summary>One message per option-like command-line word, before any <c>--</c>, that names none of the command's options.</summary>
    /// <remarks>
    /// The raw words are checked, not the tokens: the tokenizer splits <c>-quiet</c> into the known <c>-q</c>
    /// and a file named <c>uiet</c>. A word right after an option that takes a value is that value (<c>-o -</c>).
    /// </remarks>
    public static IReadOnlyList<string> Find(ParseResult parse, IReadOnlyList<string> args)
    {
        var command = parse.CommandResult.Command;
        var options = command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive)).ToList();
        var byName = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            foreach (var alias in option.Aliases.Append(option.Name))
            {
                byName.TryAdd(alias, option);
            }
        }

        var messages = new List<string>();
        Option? previous = null;
        foreach (var word in args.TakeWhile(a => a != "--"))
        {
            var name = word.Split('=', ':')[0];
            var known = byName.GetValueOrDefault(name);
            var isValue = previous is { } p && p.ValueType != typeof(bool) && p.Arity.MaximumNumberOfValues > 0 && name == word;
            if (known is null && !isValue && LooksLikeOption(word))
            {
                messages.Add(Message(command, options, name));
            }

            previous = known is not null && name == word ? known : null;
        }

        return messages;
    }

    /// <summary>"-" alone is a path (stdin or stdout by convention) and "-5" a number, not an option.</summary>
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]) && token[1] != '.';

    private static string Message(Command command, IEnumerable<Option> options, string name)
    {
        var unknown = $"unknown option '{name}' for '{command.Name}'";
        var nearest = Nearest(options, name.TrimStart('-'));
        return nearest is null ? unknown : $"{unknown}; did you mean '{nearest}'?";
    }

    private static string? Nearest(IEnumerable<Option> options, string bare)
    {
        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var option in options.Where(o => !o.Hidden))
        {
            foreach (var alias in option.Aliases.Append(option.Name))
            {
                var distance = Distance(bare, alias.TrimStart('-'));
                // A one-letter alias is only suggested for an exact match (-q for "q"), never by distance.
                if (distance < bestDistance && (distance == 0 || alias.TrimStart('-').Length > 1))
                {
                    (best, bestDistance) = (option.Name, distance);
                }
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance: edits, with a swap of two neighbours counted once (reprot, report).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
