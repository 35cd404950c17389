using System.Globalization;

namespace PaperChunks.Records;

/// <summary>
/// Checks the rules a well-formed record keeps, as a separate pass after reading (readers check
/// syntax and types; this checks meaning). Valid records cost no allocation.
/// </summary>
public static class RecordValidator
{
    /// <summary>The prefix every chunk row's <c>source</c> has before its doi.</summary>
    public const string ArxivPdfPrefix = "http://arxiv.org/pdf/";

    /// <summary>
    /// Chunk row rules: <c>id</c> is <c>doi#chunk-id</c>, or the doi itself where the file's
    /// <see cref="ChunkSchema.IdForm"/> is <see cref="RowIdForm.Doi"/>; <c>chunk-id</c> ≥ 0; <c>source</c> is the doi's
    /// arXiv PDF address (http or https, with or without a version suffix); <c>published</c> and
    /// <c>updated</c>, when present, are valid <c>YYYYMMDD</c> or ISO 8601 dates, and updated is not before published.
    /// In the semantic-chunks layout <c>id</c> is <c>{arxiv_id}#{index}</c>, and <c>prechunk_id</c> / <c>postchunk_id</c>
    /// are <c>""</c> or the id of an earlier / a later chunk of the same paper.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>The violations, empty when the record is valid.</returns>
    public static IReadOnlyList<RecordViolation> Validate(ChunkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        List<RecordViolation>? found = null;
        if (record.ChunkId < 0)
        {
            Add(ref found, ChunkColumns.ChunkId, $"expected a chunk index of 0 or more, found {record.ChunkId}");
        }

        if ((record.AbsentFields & ChunkFields.Id) == 0)
        {
            CheckId(ref found, record);
        }

        if (record.Schema.Layout == ChunkLayout.SemanticChunks)
        {
            CheckLink(ref found, record, SemanticChunkColumns.PrechunkId, before: true);
            CheckLink(ref found, record, SemanticChunkColumns.PostchunkId, before: false);
        }

        if ((record.AbsentFields & ChunkFields.Source) == 0 && !SourceMatches(record.Source, record.Doi))
        {
            Add(ref found, ChunkColumns.Source, $"expected \"{ArxivPdfPrefix}{MessageText.Excerpt(record.Doi)}\", found \"{MessageText.Excerpt(record.Source)}\"");
        }

        CheckDate(ref found, ChunkColumns.Published, record.Published);
        CheckDate(ref found, ChunkColumns.Updated, record.Updated);
        if (record.PublishedDate is { } published && record.UpdatedDate is { } updated && updated < published)
        {
            Add(ref found, ChunkColumns.Updated, $"expected a date on or after published ({MessageText.Excerpt(record.Published ?? "")}), found {MessageText.Excerpt(record.Updated ?? "")}");
        }

        return found ?? (IReadOnlyList<RecordViolation>)[];
    }

    /// <summary>
    /// Summarization rules: labels are only 0 or 1; in the list shape there is one label per source
    /// sentence; <c>paper_id</c> and the target are not empty.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>The violations, empty when the record is valid.</returns>
    public static IReadOnlyList<RecordViolation> Validate(SummarizationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        List<RecordViolation>? found = null;
        for (var i = 0; i < record.SourceLabels.Count; i++)
        {
            if (record.SourceLabels[i] is not (0 or 1))
            {
                Add(ref found, SummarizationColumns.SourceLabels, $"expected only 0 or 1, found {record.SourceLabels[i]} at index {i}");
                break;
            }
        }

        if (record.Shape == SummarizationShape.List && record.SourceLabels.Count != record.Source.Count)
        {
            Add(ref found, SummarizationColumns.SourceLabels, $"expected one label per source sentence ({record.Source.Count}), found {record.SourceLabels.Count}");
        }

        if (string.IsNullOrWhiteSpace(record.PaperId))
        {
            Add(ref found, SummarizationColumns.PaperId, "expected a paper id, found an empty string");
        }

        if (record.Target.Count == 0 || record.Target.All(string.IsNullOrWhiteSpace))
        {
            Add(ref found, SummarizationColumns.Target, "expected at least one non-empty summary");
        }

        return found ?? (IReadOnlyList<RecordViolation>)[];
    }

    private static void CheckLink(ref List<RecordViolation>? found, ChunkRecord record, string name, bool before)
    {
        if (SemanticChunkLinks.Of(record, name) is not { } link)
        {
            Add(ref found, name, "expected a string (\"\" at the paper's ends), found none or another JSON value");
            return;
        }

        var doi = record.Doi;
        long index = -1;
        var samePaper = link.Length > doi.Length + 1 && link[doi.Length] == '#' && link.StartsWith(doi, StringComparison.Ordinal)
            && ChunkIdDigits.TryParse(link.AsSpan(doi.Length + 1), out index);
        if (link.Length == 0 || (samePaper && (before ? index < record.ChunkId : index > record.ChunkId)))
        {
            return;
        }

        var order = before ? $"an earlier chunk of {MessageText.Excerpt(record.Doi)} ({MessageText.Excerpt(record.Doi)}#n, n < {record.ChunkId})" : $"a later chunk of {MessageText.Excerpt(record.Doi)} ({MessageText.Excerpt(record.Doi)}#n, n > {record.ChunkId})";
        Add(ref found, name, $"expected \"\" or the id of {order}, found \"{MessageText.Excerpt(link)}\"");
    }

    private static void CheckId(ref List<RecordViolation>? found, ChunkRecord record)
    {
        if (record.Schema.IdForm == RowIdForm.Doi)
        {
            if (!string.Equals(record.Id, record.Doi, StringComparison.Ordinal))
            {
                Add(ref found, ChunkColumns.Id, $"expected \"{MessageText.Excerpt(record.Doi)}\" (the doi, as on this file's first row), found \"{MessageText.Excerpt(record.Id)}\"");
            }
        }
        else if (!IdMatches(record.Id, record.Doi, record.ChunkId))
        {
            Add(ref found, ChunkColumns.Id, $"expected \"{MessageText.Excerpt(record.Doi)}#{record.ChunkId}\" (doi#chunk-id), found \"{MessageText.Excerpt(record.Id)}\"");
        }
    }

    // Compares without building doi#chunk-id: validate runs on every row of large corpora.
    private static bool IdMatches(string id, string doi, long chunkId)
    {
        if (id.Length <= doi.Length + 1 || id[doi.Length] != '#' || !id.StartsWith(doi, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = id.AsSpan(doi.Length + 1);
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            && parsed == chunkId
            && (digits.Length == 1 || digits[digits[0] == '-' ? 1 : 0] != '0');
    }

    private static bool SourceMatches(string source, string doi)
    {
        var rest = source.StartsWith(ArxivPdfPrefix, StringComparison.Ordinal) ? source.AsSpan(ArxivPdfPrefix.Length)
            : source.StartsWith("https://arxiv.org/pdf/", StringComparison.Ordinal) ? source.AsSpan("https://arxiv.org/pdf/".Length)
            : default;
        if (rest.IsEmpty || !rest.StartsWith(doi, StringComparison.Ordinal))
        {
            return false;
        }

        // Allow a version suffix (v2) or a .pdf ending, nothing else.
        var tail = rest[doi.Length..];
        if (tail.EndsWith(".pdf", StringComparison.Ordinal))
        {
            tail = tail[..^4];
        }

        return tail.IsEmpty || (tail[0] == 'v' && tail.Length > 1 && !tail[1..].ContainsAnyExceptInRange('0', '9'));
    }

    private static void CheckDate(ref List<RecordViolation>? found, string field, string? value)
    {
        if (value is not null && ArxivDate.Parse(value) is null)
        {
            Add(ref found, field, $"expected a YYYYMMDD or ISO 8601 date, found \"{MessageText.Excerpt(value ?? "")}\"");
        }
    }

    private static void Add(ref List<RecordViolation>? found, string field, string message) =>
        (found ??= []).Add(new RecordViolation(field, MessageText.Escape(message)));
}
