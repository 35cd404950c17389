using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// The blocks of lines a JSON Lines reader has in flight, in input order: the first is parsed on the
/// caller's thread by the file's own parser (so that its rows teach it the file's schema variant), later
/// ones on the thread pool by forks of it. A block whose fork may have read a row differently from one
/// parser reading every row in order is parsed again by the file's parser when its turn comes, so the
/// records and errors are exactly those of a sequential read.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class LineBlockQueue<T> : IDisposable
    where T : class
{
    private readonly Queue<Task<LineBlock<T>>> _inFlight = new();
    private LineBlock<T>? _current;
    private int _next;
    private bool _first = true;

    /// <summary>Works out one line's result with the given parser; safe to call from any thread.</summary>
    /// <param name="line">The line's bytes.</param>
    /// <param name="parser">The parser to use.</param>
    /// <param name="buckets">The bucket memory of the thread working it out.</param>
    public delegate LineResult<T> Evaluator(ReadOnlySpan<byte> line, JsonLineParser<T>? parser, RecentBucket buckets);

    /// <summary>Whether the input has no more lines.</summary>
    public bool InputDone { get; set; }

    /// <summary>Whether another block should be read now.</summary>
    public bool WantsMore(int depth) => !InputDone && _inFlight.Count < depth;

    /// <summary>The next line's result from the current block, if it has one left.</summary>
    public bool TakeNext(out LineResult<T> result, out long lineNumber, out bool unterminated)
    {
        if (_current is { } block && _next < block.Count)
        {
            var i = _next++;
            result = block.Results[i];
            lineNumber = block.LineNumber(i);
            unterminated = block.EndsUnterminated && i == block.Count - 1;
            return true;
        }

        result = default;
        lineNumber = 0;
        unterminated = false;
        return false;
    }

    /// <summary>Queues a block for parsing.</summary>
    public void Dispatch(LineBlock<T> block, JsonLineParser<T> main, Evaluator evaluate)
    {
        if (block.Count == 0)
        {
            block.Dispose();
            return;
        }

        if (_first)
        {
            _first = false;
            _inFlight.Enqueue(Task.FromResult(block.Parse((b, i) => evaluate(b.Line(i), main, b.Buckets))));
            return;
        }

        var fork = main.Fork();
        block.SeedLearned = main.Learned;
        block.Fork = fork;
        _inFlight.Enqueue(Task.Run(() => block.Parse((b, i) => evaluate(b.Line(i), fork, b.Buckets))));
    }

    /// <summary>Makes the oldest queued block current, waiting for it; false when none is left.</summary>
    public bool Advance(JsonLineParser<T> main, Evaluator evaluate)
    {
        Release();
        if (!_inFlight.TryDequeue(out var task))
        {
            return false;
        }

        Begin(task.GetAwaiter().GetResult(), main, evaluate);
        return true;
    }

    /// <summary>Makes the oldest queued block current, awaiting it; false when none is left.</summary>
    public async ValueTask<bool> AdvanceAsync(JsonLineParser<T> main, Evaluator evaluate)
    {
        Release();
        if (!_inFlight.TryDequeue(out var task))
        {
            return false;
        }

        Begin(await task.ConfigureAwait(false), main, evaluate);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Release();
        var pending = _inFlight.ToArray();
        _inFlight.Clear();
        try
        {
            Task.WaitAll(pending);
        }
        catch (AggregateException)
        {
            // The reader is closing: a block no one will read has nothing to report.
        }

        foreach (var task in pending.Where(t => t.IsCompletedSuccessfully))
        {
            task.Result.Dispose();
        }
    }

    private void Begin(LineBlock<T> block, JsonLineParser<T> main, Evaluator evaluate)
    {
        // A fork that learnt something, or one forked before the file's parser learnt more, may have read a
        // row otherwise than one parser reading every row in order would have; the file's parser reads it again.
        if (block.Fork is { } fork && (fork.Learned != block.SeedLearned || block.SeedLearned != main.Learned))
        {
            block.Parse((b, i) => evaluate(b.Line(i), main, b.Buckets));
        }

        block.Fork = null;
        _current = block;
        _next = 0;
    }

    private void Release()
    {
        _current?.Dispose();
        _current = null;
    }
}
