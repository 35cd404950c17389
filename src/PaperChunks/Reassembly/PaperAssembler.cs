using System.Globalization;
using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// Rebuilds one paper from its rows (any chunk order): orders by chunk id, drops repeats, joins
/// consecutive chunks over their overlap and records gaps, repeats and metadata disagreements.
/// </summary>
internal sealed class PaperAssembler
{
    private readonly ReassemblyOptions _options;
    private readonly ReassemblyReportBuilder _report;
    private readonly List<(ChunkRecord Row, long Sequence)> _rows = [];
    private char[] _text = new char[1 << 14];
    private int _length;

    public PaperAssembler(ReassemblyOptions options, ReassemblyReportBuilder report)
    {
        _options = options;
        _report = report;
    }

    public string? Doi { get; private set; }

    public int RowCount => _rows.Count;

    /// <summary>Adds a row of the current paper; <paramref name="sequence"/> is its input position (first wins).</summary>
    public void Add(ChunkRecord row, long sequence)
    {
        Doi ??= row.Doi;
        _rows.Add((row, sequence));
    }

    /// <summary>Builds the paper from the rows added since the last build, then starts afresh.</summary>
    public PaperRecord Build()
    {
        if (Doi is null)
        {
            throw new InvalidOperationException("No rows were added.");
        }

        _rows.Sort(static (a, b) => a.Row.ChunkId != b.Row.ChunkId
            ? a.Row.ChunkId.CompareTo(b.Row.ChunkId)
            : a.Sequence.CompareTo(b.Sequence));
        var kept = KeepFirstOfEachId(out var duplicateIds);
        var first = kept[0];
        ReportDisagreements(first);
        var missing = new List<long>();
        var spans = JoinChunks(kept, missing);
        var text = new string(_text, 0, _length);
        if (_options.StripRunningHeaders)
        {
            (text, spans) = RunningHeaderStripper.Strip(text, spans, _options.RunningHeaderMinRepeats);
        }

        var paper = new PaperRecord
        {
            Doi = Doi,
            Title = first.Title,
            Summary = first.Summary,
            Source = first.Source,
            Authors = first.Authors,
            Categories = first.Categories,
            Comment = first.Comment,
            JournalRef = first.JournalRef,
            PrimaryCategory = first.PrimaryCategory,
            Published = first.Published,
            Updated = first.Updated,
            References = first.References,
            Text = text,
            ChunkCount = kept.Count,
            MissingChunkIds = missing,
            DuplicateChunkIds = duplicateIds,
            Spans = spans,
        };
        if (missing.Count > 0)
        {
            _report.Gaps.Add(new ChunkGap(Doi, missing));
        }

        _report.Papers++;
        _report.Chunks += _rows.Count;
        _rows.Clear();
        _length = 0;
        Doi = null;
        return paper;
    }

    private List<ChunkRecord> KeepFirstOfEachId(out List<long> duplicateIds)
    {
        var kept = new List<ChunkRecord>(_rows.Count);
        duplicateIds = [];
        for (var i = 0; i < _rows.Count;)
        {
            var row = _rows[i].Row;
            int identical = 0, conflicting = 0, j = i + 1;
            for (; j < _rows.Count && _rows[j].Row.ChunkId == row.ChunkId; j++)
            {
                if (string.Equals(_rows[j].Row.Chunk, row.Chunk, StringComparison.Ordinal))
                {
                    identical++;
                }
                else if (_options.DuplicatePolicy == DuplicatePolicy.Fail)
                {
                    throw new PaperChunksFormatException(
                        $"{row.Doi}#{row.ChunkId.ToString(CultureInfo.InvariantCulture)}", 0, 0, ChunkColumns.Chunk,
                        "expected a repeated chunk id to repeat the same text, found different text (duplicate policy: fail)");
                }
                else
                {
                    conflicting++;
                }
            }

            if (j > i + 1)
            {
                duplicateIds.Add(row.ChunkId);
                _report.Duplicates.Add(new ChunkRepeat(row.Doi, row.ChunkId, identical, conflicting));
            }

            kept.Add(row);
            i = j;
        }

        return kept;
    }

    private void ReportDisagreements(ChunkRecord first)
    {
        List<long>?[] disagreeing = new List<long>?[MetadataFields.Count];
        foreach (var (row, _) in _rows)
        {
            if (ReferenceEquals(row, first))
            {
                continue;
            }

            for (var f = 0; f < MetadataFields.Count; f++)
            {
                if (!MetadataFields.Same(f, row, first))
                {
                    var ids = disagreeing[f] ??= [];
                    if (ids.Count == 0 || ids[^1] != row.ChunkId)
                    {
                        ids.Add(row.ChunkId);
                    }
                }
            }
        }

        for (var f = 0; f < MetadataFields.Count; f++)
        {
            if (disagreeing[f] is { } ids)
            {
                _report.Disagreements.Add(new MetadataDisagreement(first.Doi, MetadataFields.Name(f), ids));
            }
        }
    }

    private List<ChunkSpan> JoinChunks(List<ChunkRecord> kept, List<long> missing)
    {
        var spans = new List<ChunkSpan>(kept.Count);
        var previousStart = -1;
        for (var i = 0; i < kept.Count; i++)
        {
            var chunk = _options.ChunkTextTransform is { } transform ? transform(kept[i].Chunk) : kept[i].Chunk;
            var id = kept[i].ChunkId;
            var afterGap = i > 0 && id != kept[i - 1].ChunkId + 1;
            if (afterGap)
            {
                for (var m = kept[i - 1].ChunkId + 1; m < id; m++)
                {
                    missing.Add(m);
                }
            }

            Overlap? overlap = previousStart < 0 || afterGap
                ? null
                : OverlapFinder.Find(_text.AsSpan(previousStart, _length - previousStart), chunk, _options.MinOverlapChars);
            int start;
            if (overlap is { } o)
            {
                start = previousStart + o.PreviousStart;
                Append(chunk.AsSpan(o.NextEnd));
            }
            else
            {
                AppendSeparator(afterGap ? kept[i - 1].ChunkId + 1 : -1, id - 1, chunk);
                start = _length;
                Append(chunk);
            }

            spans.Add(new ChunkSpan(id, start, _length - start));
            previousStart = start;
        }

        return spans;
    }

    /// <summary>With no overlap the splitter dropped whitespace at the joint; a newline stands in for it.</summary>
    private void AppendSeparator(long firstMissing, long lastMissing, string next)
    {
        if (_length == 0)
        {
            return;
        }

        if (firstMissing >= 0 && _options.InsertGapMarkers)
        {
            var range = firstMissing == lastMissing
                ? $"chunk {firstMissing.ToString(CultureInfo.InvariantCulture)}"
                : $"chunks {firstMissing.ToString(CultureInfo.InvariantCulture)}–{lastMissing.ToString(CultureInfo.InvariantCulture)}";
            Append($"\n\n[missing {range}]\n\n");
            return;
        }

        if (!char.IsWhiteSpace(_text[_length - 1]) && (next.Length == 0 || !char.IsWhiteSpace(next[0])))
        {
            Append("\n");
        }
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (_length + chars.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + chars.Length));
        }

        chars.CopyTo(_text.AsSpan(_length));
        _length += chars.Length;
    }
}
