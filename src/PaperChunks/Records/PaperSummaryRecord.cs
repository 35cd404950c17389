namespace PaperChunks.Records;

/// <summary>
/// A human-written summary of a paper with the paper's bibliographic entry, as a ShortScience page
/// lists it. Equality is by value, lists compared element by element.
/// </summary>
public sealed record PaperSummaryRecord
{
    /// <summary>The paper's title, e.g. <c>Trust Region Policy Optimization</c>.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The author line exactly as the page prints it: BibTeX style <c>Schulman, John and Levine, Sergey</c>,
    /// or <c>Amjad Almahairi and Nicolas Ballas</c> for entries imported from arXiv.
    /// </summary>
    public required string AuthorsText { get; init; }

    /// <summary><see cref="AuthorsText"/> split on <c>" and "</c>, each name as printed (<c>Schulman, John</c>).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The venue, e.g. <c>International Conference on Machine Learning</c> or <c>arXiv e-Print archive</c>.</summary>
    public string Venue { get; init; } = "";

    /// <summary>The publication year from the venue line, or <see langword="null"/> when it shows none.</summary>
    public int? Year { get; init; }

    /// <summary>Where the site took the entry from (<c>Local Bibsonomy</c>, <c>Local arXiv</c>), or <see langword="null"/>.</summary>
    public string? ListedVia { get; init; }

    /// <summary>The entry's keywords, e.g. <c>dblp</c> or <c>cs.LG</c>, <c>cs.NE</c>.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The arXiv first-publication date (<c>**First published:** 2015/11/24</c>), or <see langword="null"/>.</summary>
    public DateOnly? FirstPublished { get; init; }

    /// <summary>The paper's abstract with its line breaks as printed, without the page's more/less toggles; <see langword="null"/> when the page shows none.</summary>
    public string? Abstract { get; init; }

    /// <summary>The summary, Markdown as written (LaTeX such as <c>\cite{…}</c> included).</summary>
    public required string Summary { get; init; }

    /// <inheritdoc/>
    public bool Equals(PaperSummaryRecord? other) =>
        other is not null
        && Title == other.Title && AuthorsText == other.AuthorsText && Venue == other.Venue
        && Year == other.Year && ListedVia == other.ListedVia && FirstPublished == other.FirstPublished
        && Abstract == other.Abstract && Summary == other.Summary
        && Authors.SequenceEqual(other.Authors) && Keywords.SequenceEqual(other.Keywords);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Title, Summary.Length);
}
