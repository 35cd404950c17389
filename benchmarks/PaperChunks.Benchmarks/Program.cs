using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/PaperChunks.Benchmarks -- --filter '*'
// Text normalizer figures by thread CPU time: -- --text-normalizer-cpu-time
if (args is ["--text-normalizer-cpu-time"])
{
    PaperChunks.Benchmarks.TextNormalizerCpuTime.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
