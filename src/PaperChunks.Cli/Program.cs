namespace PaperChunks.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C cancels cleanly (outputs are discarded, temporary files removed); a second one kills.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        return await PaperChunksCli.RunAsync(args, CliConsole.System, cancellation.Token).ConfigureAwait(false);
    }
}
