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
        if (SemanticChunkLinks.Has(first))
        {
            ChunkLinks.Check(kept, missing, _report.LinkDisagreements);
        }
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
                // A copy that differs only in whitespace (re-exported, stripped) is the same chunk.
                if (string.Equals(_rows[j].Row.Chunk, row.Chunk, StringComparison.Ordinal)
                    || OverlapFinder.SameCollapsed(_rows[j].Row.Chunk, row.Chunk))
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
        var chunks = new string[kept.Count];
        var evidence = new JointEvidence?[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            chunks[i] = _options.ChunkTextTransform is { } transform ? transform(kept[i].Chunk) : kept[i].Chunk;
            if (i > 0 && kept[i].ChunkId == kept[i - 1].ChunkId + 1)
            {
                chunks[i] = ReplacedCharacters.Restore(chunks[i - 1], chunks[i]);
                evidence[i] = Search(chunks[i - 1], chunks[i]);
            }
        }

        var shape = ShapeOf(chunks, evidence);
        var joints = new List<ChunkJoint>();
        var spans = new List<ChunkSpan>(kept.Count);
        var previousStart = -1;
        for (var i = 0; i < kept.Count; i++)
        {
            var (chunk, id) = (chunks[i], kept[i].ChunkId);
            int start;
            if (evidence[i] is { } found)
            {
                var decision = RepeatedPhrase.Weaken(JointDecider.Decide(shape, chunks[i - 1], chunk, found, _options.MinOverlapChars), chunks, i);
                (start, var repeated) = Place(decision, previousStart, chunk);
                AddJoint(joints, repeated > 0 || decision.Kind == JointKind.Joined
                    ? new ChunkJoint(id, id, decision.Kind, repeated, decision.Separator, decision.Certainty, decision.Chance)
                    : new ChunkJoint(id, id, JointKind.Joined, 0, "", JointCertainty.Guessed, decision.Chance));
            }
            else
            {
                if (i > 0)
                {
                    for (var m = kept[i - 1].ChunkId + 1; m < id; m++)
                    {
                        missing.Add(m);
                    }

                    AppendSeparator(kept[i - 1].ChunkId + 1, id - 1, chunk);
                }

                start = _length;
                Append(chunk);
            }

            spans.Add(new ChunkSpan(id, start, _length - start));
            previousStart = start;
        }

        _report.Regimes.Add(new PaperRegime(kept[0].Doi, shape.Regime, joints));
        return spans;
    }

    /// <summary>Adds a joint, or extends the last entry when it was decided alike (a run of equal joints is one entry).</summary>
    private static void AddJoint(List<ChunkJoint> joints, ChunkJoint joint)
    {
        if (joints.Count > 0 && joints[^1].Continues(joint))
        {
            joints[^1] = joints[^1] with { LastChunkId = joint.LastChunkId, Chance = Math.Max(joints[^1].Chance, joint.Chance) };
            return;
        }

        joints.Add(joint);
    }

    /// <summary>The raw borders, and the collapsed one unless a raw border is already too long to be chance.</summary>
    private static JointEvidence Search(string previous, string next)
    {
        var raw = OverlapFinder.RawBorders(previous, next);
        var certain = raw.Length > 0 && Coincidence.OfRepeat(previous, next, raw[0], Coincidence.MinCharRate) < Coincidence.Certain;
        return new JointEvidence(raw, certain ? 0 : OverlapFinder.CollapsedBorder(previous, next));
    }

    /// <summary>The paper's shape; a paper with too few telling joints borrows the regime of the input's earlier papers.</summary>
    private PaperShape ShapeOf(string[] chunks, JointEvidence?[] evidence)
    {
        var shape = RegimeLearner.Learn(chunks, evidence, Coincidence.CharRate(chunks));
        if (shape.Evidence >= 3)
        {
            _report.InputRegime = shape.Regime;
        }
        else if (shape.Evidence < 2 && _report.InputRegime is { } input
            && (shape.Regime.Kind is SplitterRegimeKind.Unknown || evidence.Count(e => e is not null) < 3))
        {
            shape = shape with { Regime = input with { Certain = false } };
        }

        // Whether chunks close at a length in characters is one fact about the splitter: the input's earlier papers count too.
        var closed = shape.ClosedAtLength + _report.ClosedAtLength;
        var fitted = shape.FittedAnyway + _report.FittedAnyway;
        _report.ClosedAtLength = closed;
        _report.FittedAnyway = fitted;
        return shape with { ClosesAtLength = shape.Regime.Kind == SplitterRegimeKind.Recursive && closed >= 3 && fitted * 10 <= closed + fitted };
    }

    /// <summary>Adds the next chunk as decided; returns where its span starts and how many of its characters repeated.</summary>
    private (int Start, int Repeated) Place(JointDecision decision, int previousStart, string chunk)
    {
        var region = _text.AsSpan(previousStart, _length - previousStart);
        Overlap? overlap = decision.Kind switch
        {
            JointKind.Joined => null,
            JointKind.WhitespaceOverlap => OverlapFinder.PlaceCollapsed(region, chunk, decision.Length),
            _ when region.EndsWith(chunk.AsSpan(0, decision.Length)) => new Overlap(region.Length - decision.Length, decision.Length),

            // An earlier whitespace overlap kept the previous chunk's start with other whitespace.
            _ => OverlapFinder.PlaceCollapsed(region, chunk, OverlapFinder.CollapsedLength(chunk.AsSpan(0, decision.Length))),
        };
        if (overlap is { } o)
        {
            Append(chunk.AsSpan(o.NextEnd));
            return (previousStart + o.PreviousStart, o.NextEnd);
        }

        Append(decision.Separator);
        var start = _length;
        Append(chunk);
        return (start, 0);
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
