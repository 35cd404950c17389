using System.Globalization;
using System.Runtime.CompilerServices;
using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// Rebuilds whole papers from chunk rows: groups rows by doi, orders them by chunk id, joins
/// consecutive chunks over the passage the splitter repeated, and accounts for missing, repeated and
/// inconsistent rows in <see cref="Report"/>. Rows may come in any order (an external sort bounded by
/// <see cref="ReassemblyOptions.MemoryLimitBytes"/> puts them in order) or grouped by doi
/// (<see cref="ReassemblyOptions.InputGroupedByDoi"/>: one pass, one paper in memory).
/// </summary>
public sealed class PaperReassembler
{
    private readonly ReassemblyReportBuilder _report = new();

    /// <summary>Creates a reassembler; the options are validated here, once.</summary>
    /// <param name="options">Settings, or <see langword="null"/> for <see cref="ReassemblyOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PaperReassembler(ReassemblyOptions? options = null)
    {
        Options = options ?? ReassemblyOptions.Default;
        Options.Validate();
    }

    /// <summary>The settings this reassembler runs with.</summary>
    public ReassemblyOptions Options { get; }

    /// <summary>What the reassembly has met so far: complete once the papers have been enumerated.</summary>
    public ReassemblyReport Report => _report.ToReport();

    /// <summary>Sorted runs the external sort wrote to disk (0 when everything fit in memory).</summary>
    public int RunsSpilled { get; private set; }

    /// <summary>Rebuilds the papers of <paramref name="rows"/>, one per doi, in doi order (ordinal) or, for grouped input, in input order.</summary>
    /// <param name="rows">Chunk rows in any order (or grouped by doi, see <see cref="ReassemblyOptions.InputGroupedByDoi"/>).</param>
    /// <exception cref="PaperChunksFormatException">
    /// A conflicting repeat under <see cref="DuplicatePolicy.Fail"/>, or a paper's rows not contiguous in
    /// input declared grouped.
    /// </exception>
    public IEnumerable<PaperRecord> Reassemble(IEnumerable<ChunkRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Options.InputGroupedByDoi ? Grouped(Sequenced(rows)) : Sorted([rows], threads: 1);
    }

    /// <summary>
    /// Rebuilds the papers of an input that comes in consecutive parts (shards, or the parts of one file
    /// from <see cref="Formats.PaperChunksReader.OpenChunkParts(string, int, ReaderOptions?, Formats.InputFormat?)"/>), reading up to
    /// <see cref="ReassemblyOptions.ReadThreads"/> parts at once, each on a thread of its own into its
    /// share of <see cref="ReassemblyOptions.MemoryLimitBytes"/>. The papers, the report and the errors are
    /// those of <see cref="Reassemble(IEnumerable{ChunkRecord})"/> over the parts one after another.
    /// </summary>
    /// <param name="parts">The parts in input order; each is enumerated once, on some thread.</param>
    /// <exception cref="PaperChunksFormatException">As for <see cref="Reassemble(IEnumerable{ChunkRecord})"/>.</exception>
    /// <remarks>
    /// If enumerating a part throws, the parts after it are stopped, the parts before it are read to
    /// their end, and the first failure in input order is rethrown.
    /// </remarks>
    public IEnumerable<PaperRecord> Reassemble(IReadOnlyList<IEnumerable<ChunkRecord>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Options.InputGroupedByDoi
            ? Grouped(Sequenced(parts.SelectMany(p => p)))
            : Sorted(parts, Math.Clamp(parts.Count, 1, Options.ReadThreads));
    }

    /// <summary>Rebuilds the papers of <paramref name="rows"/> asynchronously; see <see cref="Reassemble(IEnumerable{ChunkRecord})"/>.</summary>
    /// <param name="rows">Chunk rows in any order (or grouped by doi).</param>
    /// <param name="cancellationToken">Stops the reassembly; temporary files are deleted.</param>
    /// <exception cref="PaperChunksFormatException">As for <see cref="Reassemble(IEnumerable{ChunkRecord})"/>.</exception>
    public async IAsyncEnumerable<PaperRecord> ReassembleAsync(
        IAsyncEnumerable<ChunkRecord> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Options.InputGroupedByDoi)
        {
            var grouping = new Grouping(this);
            long sequence = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (grouping.Add(row, sequence++) is { } paper)
                {
                    yield return paper;
                }
            }

            if (grouping.Finish() is { } last)
            {
                yield return last;
            }

            yield break;
        }

        using var sorter = new ExternalChunkSorter(Options.MemoryLimitBytes, Options.TempDirectory);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            sorter.Add(row);
        }

        // Merging, assembling and the caller's writing stay on one thread: handing rows or papers to a
        // second thread cost ~40 % more CPU (lock contention, thread-pool spinning) for no gain in wall
        // time on the shared 2-core machine we measured on (docs/performance.md).
        var sortedRows = sorter.Sorted();
        RunsSpilled = sorter.RunsSpilled;
        foreach (var paper in Grouped(sortedRows))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return paper;
        }
    }

    // One part on one thread is the plain external sort: the caller's thread, one sorter, the whole budget.
    private IEnumerable<PaperRecord> Sorted(IReadOnlyList<IEnumerable<ChunkRecord>> parts, int threads)
    {
        var sorters = new List<ExternalChunkSorter>(threads);
        try
        {
            for (var i = 0; i < threads; i++)
            {
                sorters.Add(new ExternalChunkSorter(Options.MemoryLimitBytes / threads, Options.TempDirectory));
            }

            PartSorting.AddAll(parts, sorters);
            var sorted = ExternalChunkSorter.Sorted(sorters);
            RunsSpilled = sorters.Sum(s => s.RunsSpilled);
            foreach (var paper in Grouped(sorted))
            {
                yield return paper;
            }
        }
        finally
        {
            sorters.ForEach(s => s.Dispose());
        }
    }

    private static IEnumerable<(ChunkRecord Row, long Sequence)> Sequenced(IEnumerable<ChunkRecord> rows)
    {
        long sequence = 0;
        foreach (var row in rows)
        {
            yield return (row, sequence++);
        }
    }

    private IEnumerable<PaperRecord> Grouped(IEnumerable<(ChunkRecord Row, long Sequence)> rows)
    {
        var grouping = new Grouping(this);
        foreach (var (row, sequence) in rows)
        {
            if (grouping.Add(row, sequence) is { } paper)
            {
                yield return paper;
            }
        }

        if (grouping.Finish() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Cuts a doi-grouped row stream into papers and insists each doi comes in one stretch.</summary>
    private sealed class Grouping(PaperReassembler owner)
    {
        private readonly PaperAssembler _assembler = new(owner.Options, owner._report);
        private readonly HashSet<string> _finished = new(StringComparer.Ordinal);

        public PaperRecord? Add(ChunkRecord row, long sequence)
        {
            ArgumentNullException.ThrowIfNull(row);
            PaperRecord? completed = null;
            if (_assembler.Doi is { } current && !string.Equals(current, row.Doi, StringComparison.Ordinal))
            {
                _finished.Add(current);
                completed = _assembler.Build();
            }

            if (_assembler.Doi is null && _finished.Contains(row.Doi))
            {
                throw new PaperChunksFormatException(
                    $"{row.Doi}#{row.ChunkId.ToString(CultureInfo.InvariantCulture)}", 0, 0, ChunkColumns.Doi,
                    $"expected the rows of paper {row.Doi} together (input declared grouped by doi), found more after other papers");
            }

            _assembler.Add(row, sequence);
            return completed;
        }

        public PaperRecord? Finish() => _assembler.Doi is null ? null : _assembler.Build();
    }
}
