using System.Globalization;
using System.Text.RegularExpressions;
using PaperChunks.Records;

namespace PaperChunks.Formats.ShortScience;

/// <summary>
/// A push parser for a ShortScience page copy. The page is paragraphs separated by blank lines; an
/// entry is title, authors, venue (<c>Venue - 2015 via Local Bibsonomy</c>), <c>Keywords: …</c>,
/// optionally <c>**First published:** …</c> and <c>**Abstract:** …</c> (closed by <c>more</c>/<c>less</c>),
/// the authors, venue and keywords again, then <c>[link]</c> and the summary ending in <c> |</c>.
/// Text before the first entry (the site blurb) and the page's closing <c>About</c> are not entries.
/// </summary>
internal sealed partial class ShortScienceParser
{
    /// <summary>Paragraphs an entry may span before its <c>[link]</c>, so a page without one cannot grow memory.</summary>
    private const int MaxEntryParagraphs = 64;

    private const string KeywordsPrefix = "Keywords:";
    private const string FirstPublishedPrefix = "**First published:**";
    private const string AbstractPrefix = "**Abstract:**";
    private const string LinkLine = "[link]";
    private const string SummaryEnd = " |";

    private static readonly HashSet<string> PageText = new(StringComparer.Ordinal) { "About" };

    private readonly List<ShortScienceParagraph> _paragraphs = [];
    private List<string>? _lines;
    private long _paragraphLine;
    private bool _seenEntry;
    private DamagedEntry _damagedEntry;

    /// <summary>Where the page is in an entry whose start damage broke, reported once and dropped to its summary's end.</summary>
    private enum DamagedEntry
    {
        None,
        BeforeLink,
        AfterLink,
    }

    public void Push(string line, long lineNumber, List<ShortScienceOutput> output)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            EndParagraph(output, final: false);
            return;
        }

        if (_lines is null)
        {
            _lines = [];
            _paragraphLine = lineNumber;
        }

        _lines.Add(line);
    }

    public void Complete(List<ShortScienceOutput> output) => EndParagraph(output, final: true);

    /// <summary>Whether a line is an entry's venue line (<c>… - 2015 via Local Bibsonomy</c>); used to detect the format.</summary>
    public static bool IsVenueLine(string line) => VenueLine().IsMatch(line);

    /// <summary>Whether a line is the <c>[link]</c> line before a summary; used to detect the format.</summary>
    public static bool IsLinkLine(string line) => line == LinkLine;

    [GeneratedRegex(@"^(?<venue>.+) - (?<year>\d{4}) via (?<via>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex VenueLine();

    private void EndParagraph(List<ShortScienceOutput> output, bool final)
    {
        if (_lines is not null)
        {
            _paragraphs.Add(new ShortScienceParagraph(_paragraphLine, _lines));
            _lines = null;
        }

        while (_paragraphs.Count > 0 && TakeOne(output, final))
        {
        }
    }

    /// <summary>Consumes an entry or a non-entry paragraph from the front of the queue; false when more input is needed.</summary>
    private bool TakeOne(List<ShortScienceOutput> output, bool final)
    {
        if (_paragraphs.Count < 4 && !final)
        {
            return false;
        }

        if (!StartsEntry(0))
        {
            SkipParagraph(output);
            return true;
        }

        _damagedEntry = DamagedEntry.None;

        var link = FindSummaryEnd(out var nextEntry);
        if (nextEntry > 0)
        {
            var start = _paragraphs[0];
            var next = _paragraphs[nextEntry].Line;
            _paragraphs.RemoveRange(0, nextEntry);
            _seenEntry = true;
            output.Add(new ShortScienceOutput(start.Line, null, PaperSummaryColumns.Summary, $"entry \"{MessageText.Excerpt(start.First)}\": expected a summary ending in \" |\" before the next entry at line {next}"));
            return true;
        }

        if (link < 0)
        {
            if (final || _paragraphs.Count > MaxEntryParagraphs)
            {
                var start = _paragraphs[0];
                _paragraphs.RemoveRange(0, final ? _paragraphs.Count : MaxEntryParagraphs);
                output.Add(new ShortScienceOutput(start.Line, null, PaperSummaryColumns.Summary, $"entry \"{MessageText.Excerpt(start.First)}\": expected [link] and a summary ending in \" |\", {(final ? "the file ended" : "found none within " + MaxEntryParagraphs + " paragraphs")}"));
                return true;
            }

            return false;
        }

        var entry = _paragraphs.GetRange(0, link + 1);
        _paragraphs.RemoveRange(0, link + 1);
        _seenEntry = true;
        output.Add(ReadEntry(entry));
        return true;
    }

    /// <summary>
    /// Drops the paragraph at the front, which starts no entry. Before the first entry that is the site blurb,
    /// unless an entry's venue, keywords or <c>[link]</c> comes within the next two paragraphs: then it is the
    /// start of an entry that damage broke (a lost blank line, a cut title or venue), reported once at its line,
    /// and the rest of that entry, up to its summary's end, is dropped with it. Without this the first entry
    /// passed for blurb and the page read clean with one entry fewer.
    /// </summary>
    private void SkipParagraph(List<ShortScienceOutput> output)
    {
        var skipped = _paragraphs[0];
        if (!_seenEntry && StartsDamagedEntry())
        {
            output.Add(new ShortScienceOutput(skipped.Line, null, null, $"expected a ShortScience entry (title, authors, venue, keywords: one paragraph of one line each), found {DescribeEntryStart()}"));
            _seenEntry = true;
            _damagedEntry = DamagedEntry.BeforeLink;
        }
        else if (_damagedEntry == DamagedEntry.None && _seenEntry && !PageText.Contains(skipped.Text))
        {
            output.Add(new ShortScienceOutput(skipped.Line, null, null, $"expected a ShortScience entry (title, authors, venue, keywords), found \"{MessageText.Excerpt(skipped.First)}\""));
        }

        _paragraphs.RemoveAt(0);
        if (_damagedEntry != DamagedEntry.None)
        {
            _damagedEntry = AfterDamagedParagraph(_damagedEntry, skipped);
        }
    }

    private bool StartsDamagedEntry()
    {
        for (var i = 0; i < 3 && i < _paragraphs.Count; i++)
        {
            if (_paragraphs[i].Lines.Exists(l => VenueLine().IsMatch(l) || l.StartsWith(KeywordsPrefix, StringComparison.Ordinal) || l == LinkLine))
            {
                return true;
            }
        }

        return false;
    }

    // The paragraphs an entry's title, authors, venue and keywords should be, as far as they are read.
    private string DescribeEntryStart() =>
        string.Join(", ", _paragraphs.Take(4).Select(p =>
            $"\"{MessageText.Excerpt(p.First)}\"{(p.Lines.Count > 1 ? $" and {p.Lines.Count - 1} more line{(p.Lines.Count > 2 ? "s" : "")}" : "")} at line {p.Line}"));

    // A damaged entry ends with its summary: the first line ending in " |" after its [link].
    private static DamagedEntry AfterDamagedParagraph(DamagedEntry state, ShortScienceParagraph paragraph)
    {
        var link = paragraph.Lines.IndexOf(LinkLine);
        if (state == DamagedEntry.BeforeLink && link < 0)
        {
            return DamagedEntry.BeforeLink;
        }

        var summary = state == DamagedEntry.AfterLink ? 0 : link + 1;
        return paragraph.Lines.Skip(summary).Any(l => l.EndsWith(SummaryEnd, StringComparison.Ordinal)) ? DamagedEntry.None : DamagedEntry.AfterLink;
    }

    private bool StartsEntry(int i) =>
        i + 3 < _paragraphs.Count
        && _paragraphs[i].Lines.Count == 1 && _paragraphs[i + 1].Lines.Count == 1
        && VenueLine().IsMatch(_paragraphs[i + 2].Text)
        && _paragraphs[i + 3].First.StartsWith(KeywordsPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The index of the paragraph holding the summary's last line (the first line after <c>[link]</c>
    /// ending in <c> |</c>), or -1 when not yet read. Lines after that one in the same paragraph (a page
    /// copy that lost the blank line before the next title) are split off as a paragraph of their own.
    /// A venue line and a keywords line after <c>[link]</c> before any such end are the next entry's: this
    /// summary lost its end, and <paramref name="nextEntry"/> is where the next entry begins (its title and
    /// authors two paragraphs before), so that the entry is reported instead of swallowing the next one.
    /// </summary>
    private int FindSummaryEnd(out int nextEntry)
    {
        nextEntry = 0;
        var link = -1;
        for (var i = 4; i < _paragraphs.Count; i++)
        {
            var lines = _paragraphs[i].Lines;
            var first = 0;
            if (link < 0 && lines[0] == LinkLine)
            {
                link = i;
                first = 1;
            }

            if (link < 0)
            {
                continue;
            }

            if (i > link && i + 1 < _paragraphs.Count && VenueLine().IsMatch(_paragraphs[i].Text)
                && _paragraphs[i + 1].First.StartsWith(KeywordsPrefix, StringComparison.Ordinal))
            {
                nextEntry = Math.Max(link + 1, i - 2);
                return -1;
            }

            for (var j = first; j < lines.Count; j++)
            {
                if (lines[j].EndsWith(SummaryEnd, StringComparison.Ordinal))
                {
                    SplitAfter(i, j);
                    return i;
                }
            }
        }

        return -1;
    }

    private void SplitAfter(int paragraph, int line)
    {
        var lines = _paragraphs[paragraph].Lines;
        if (line + 1 < lines.Count)
        {
            var rest = lines.GetRange(line + 1, lines.Count - line - 1);
            lines.RemoveRange(line + 1, rest.Count);
            _paragraphs.Insert(paragraph + 1, new ShortScienceParagraph(_paragraphs[paragraph].Line + line + 1, rest));
        }
    }

    private static ShortScienceOutput ReadEntry(List<ShortScienceParagraph> entry)
    {
        var title = entry[0].Text;
        var authors = entry[1].Text;
        var venue = VenueLine().Match(entry[2].Text);
        var keywords = entry[3].Text;
        var next = 4;
        DateOnly? firstPublished = null;
        string? abstractText = null;
        if (entry[next].First.StartsWith(FirstPublishedPrefix, StringComparison.Ordinal))
        {
            var date = entry[next].First[FirstPublishedPrefix.Length..].Trim();
            var space = date.IndexOf(' ', StringComparison.Ordinal);
            if (!DateOnly.TryParseExact(space < 0 ? date : date[..space], "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var published))
            {
                return Error(entry[next], PaperSummaryColumns.FirstPublished, title, $"expected a date such as 2015/11/24, found \"{MessageText.Excerpt(date)}\"");
            }

            firstPublished = published;
            next++;
        }

        if (entry[next].First.StartsWith(AbstractPrefix, StringComparison.Ordinal))
        {
            abstractText = Abstract(entry[next].Lines);
            next++;
        }

        var repeat = new[] { (authors, PaperSummaryColumns.Authors), (entry[2].Text, PaperSummaryColumns.Venue), (keywords, PaperSummaryColumns.Keywords) };
        foreach (var (expected, field) in repeat)
        {
            if (next >= entry.Count || entry[next].Text != expected)
            {
                var at = entry[Math.Min(next, entry.Count - 1)];
                return Error(at, field, title, $"expected the {field} repeated as \"{MessageText.Excerpt(expected)}\", found \"{MessageText.Excerpt(at.First)}\"");
            }

            next++;
        }

        if (entry[next].First != LinkLine)
        {
            return Error(entry[next], PaperSummaryColumns.Summary, title, $"expected [link] before the summary, found \"{MessageText.Excerpt(entry[next].First)}\"");
        }

        var summaryLines = entry[next].Lines.Skip(1).Concat(entry.Skip(next + 1).SelectMany(p => p.Lines.Prepend(""))).SkipWhile(l => l.Length == 0);
        var summary = string.Join('\n', summaryLines);
        return new ShortScienceOutput(entry[0].Line, new PaperSummaryRecord
        {
            Title = title,
            AuthorsText = authors,
            Authors = authors.Split(" and ", StringSplitOptions.TrimEntries),
            Venue = venue.Groups["venue"].Value,
            Year = int.Parse(venue.Groups["year"].Value, CultureInfo.InvariantCulture),
            ListedVia = venue.Groups["via"].Value,
            Keywords = keywords[KeywordsPrefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            FirstPublished = firstPublished,
            Abstract = abstractText,
            Summary = summary[..^SummaryEnd.Length],
        });
    }

    /// <summary>The abstract's lines without the <c>**Abstract:**</c> label and the page's trailing more/less toggles.</summary>
    private static string Abstract(List<string> lines)
    {
        var end = lines.Count;
        while (end > 1 && lines[end - 1].Trim() is "more" or "less")
        {
            end--;
        }

        var text = lines.GetRange(0, end);
        text[0] = text[0][AbstractPrefix.Length..].TrimStart();
        return string.Join('\n', text);
    }

    private static ShortScienceOutput Error(ShortScienceParagraph at, string field, string title, string reason) =>
        new(at.Line, null, field, $"entry \"{MessageText.Excerpt(title)}\": {reason}");
}
