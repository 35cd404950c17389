using System.Runtime.ExceptionServices;
using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// Feeds consecutive parts of the input into external sorts on several threads at once: each thread
/// takes the next part in order and adds its rows to a sorter of its own, numbered so that a row of a
/// later part always comes after every row of an earlier one. No row crosses threads: the rows a
/// thread parses die young on that thread, which is what kept the earlier hand-over designs slow.
/// </summary>
internal static class PartSorting
{
    /// <summary>Input positions of part <c>p</c> start at <c>p &lt;&lt; PartShift</c> (2^40 rows a part).</summary>
    public const int PartShift = 40;

    /// <summary>
    /// Adds every part's rows to <paramref name="sorters"/> (one thread each, the first on the
    /// caller's). If a part fails, the parts after it stop, the parts before it finish, and the first
    /// failure in input order is rethrown, as reading the parts one after another would have.
    /// </summary>
    public static void AddAll(IReadOnlyList<IEnumerable<ChunkRecord>> parts, IReadOnlyList<ExternalChunkSorter> sorters)
    {
        var state = new Progress(parts);
        var threads = sorters.Skip(1)
            .Select(sorter => new Thread(() => state.Work(sorter)) { IsBackground = true, Name = "paperchunks part reader" })
            .ToList();
        threads.ForEach(t => t.Start());
        state.Work(sorters[0]);
        threads.ForEach(t => t.Join());
        state.ThrowFirstFailure();
    }

    private sealed class Progress(IReadOnlyList<IEnumerable<ChunkRecord>> parts)
    {
        private readonly ExceptionDispatchInfo?[] _failures = new ExceptionDispatchInfo?[parts.Count];
        private int _next = -1;
        private int _firstFailed = int.MaxValue;

        public void Work(ExternalChunkSorter sorter)
        {
            int part;
            while ((part = Interlocked.Increment(ref _next)) < parts.Count && part < Volatile.Read(ref _firstFailed))
            {
                sorter.ContinueAt((long)part << PartShift);
                try
                {
                    foreach (var row in parts[part])
                    {
                        sorter.Add(row);
                        if (Volatile.Read(ref _firstFailed) < part)
                        {
                            return;
                        }
                    }
                }
                catch (Exception e)
                {
                    // Any failure, attributed to its part; the caller gets the first in input order.
                    _failures[part] = ExceptionDispatchInfo.Capture(e);
                    Failed(part);
                    return;
                }
            }
        }

        public void ThrowFirstFailure()
        {
            if (_firstFailed != int.MaxValue)
            {
                _failures[_firstFailed]!.Throw();
            }
        }

        private void Failed(int part)
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref _firstFailed);
            }
            while (part < seen && Interlocked.CompareExchange(ref _firstFailed, part, seen) != seen);
        }
    }
}
