using System.Runtime.InteropServices;
using System.Text;

namespace PaperChunks.Benchmarks;

/// <summary>
/// The <see cref="TextNormalizerBenchmarks"/> workloads timed by the thread's own CPU time
/// (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), best of 20 rounds after warm-up: a figure for "one core" that
/// holds on a shared machine where wall-clock BenchmarkDotNet figures depend on the other processes.
/// Run: dotnet run -c Release --project benchmarks/PaperChunks.Benchmarks -- --text-normalizer-cpu-time
/// </summary>
internal static class TextNormalizerCpuTime
{
    public static void Run()
    {
        var workloads = new TextNormalizerBenchmarks();
        workloads.Setup();
        Measure("CleanTextWhole", workloads.CleanTextBytes, () => workloads.CleanTextWhole());
        Measure("CleanChunks", workloads.CleanChunkBytes, () => workloads.CleanChunks());
        Measure("DamagedSeed001Chunks", workloads.DamagedBytes, () => workloads.DamagedSeed001Chunks());
        Measure("MojibakeSeed001Chunks", workloads.MojibakeBytes, () => workloads.MojibakeSeed001Chunks());
    }

    private static void Measure(string name, long bytes, Func<int> workload)
    {
        var repeat = (int)Math.Max(1, (64L << 20) / bytes);
        for (var i = 0; i < 3 * repeat; i++)
            workload();
        var best = double.MaxValue;
        for (var round = 0; round < 20; round++)
        {
            var start = ThreadCpuSeconds();
            for (var i = 0; i < repeat; i++)
                workload();
            best = Math.Min(best, (ThreadCpuSeconds() - start) / repeat);
        }
        Console.WriteLine(FormattableString.Invariant($"{name,-22} {bytes,12:N0} bytes  {best * 1e6,10:F1} us CPU  {bytes / best / 1e6,8:F0} MB/s"));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private static double ThreadCpuSeconds()
    {
        const int ClockThreadCpuTimeId = 3;
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: Linux only.");
        return time.Seconds + time.Nanoseconds / 1e9;
    }
}
