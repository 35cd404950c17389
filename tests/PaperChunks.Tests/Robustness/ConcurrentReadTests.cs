using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// Readers share static state (caches, pools, the lexicon, compiled tables); many of them running at
/// once must give exactly what one gives alone.
/// </summary>
public class ConcurrentReadTests
{
    [Fact]
    public void Every_reader_from_eight_threads_at_once_gives_the_single_thread_records()
    {
        var expected = ReaderUnderTest.All.ToDictionary(r => r.Name, r => r.ReadAll(new MemoryStream(r.Fixture), ReaderOptions.Default).ToList());
        var random = new Random(20261123);
        var work = Enumerable.Range(0, 8 * 12).Select(_ => ReaderUnderTest.All[random.Next(ReaderUnderTest.All.Count)]).ToArray();
        var results = new List<object>[work.Length];
        using var start = new Barrier(8);

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = t; i < work.Length; i += 8)
            {
                results[i] = work[i].ReadAll(new MemoryStream(work[i].Fixture), ReaderOptions.Default).ToList();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        for (var i = 0; i < work.Length; i++)
        {
            results[i].Should().Equal(expected[work[i].Name], $"run {i} of {work[i].Name}");
        }

        work.Select(w => w.Name).Distinct().Should().HaveCount(ReaderUnderTest.All.Count, "the seed covers every reader");
    }
}
