using FluentAssertions;
using PaperChunks.Cli;
using PaperChunks.Conversion;
using Xunit;

namespace PaperChunks.Tests.Cli;

/// <summary>
/// <c>convert --normalize</c> shows its vocabulary pass in the progress display, each pass's rate is its own, and the
/// reported time is the whole run's. (Spectre draws the bar only on a terminal and its fallback only at milestones, so
/// the line beside the bar is tested directly, and the pipeline's phases and time through <see cref="IProgress{T}"/>.)
/// </summary>
public class ConvertProgressTests
{
    [Fact]
    public void The_progress_line_names_the_vocabulary_pass_and_rates_each_pass_from_its_own_start()
    {
        var line = new ProgressLine();

        line.Describe(Progress(ConvertPhase.LearningVocabulary, 0), TimeSpan.Zero);
        var learning = line.Describe(Progress(ConvertPhase.LearningVocabulary, 1_000), TimeSpan.FromSeconds(2));
        line.Describe(Progress(ConvertPhase.Converting, 0), TimeSpan.FromSeconds(3));
        var converting = line.Describe(Progress(ConvertPhase.Converting, 600), TimeSpan.FromSeconds(5));

        learning.Should().Be("learning words: 1,000 rows, 500 rows/s");
        // 600 rows in the 2 s since converting began; over the whole 5 s it would read 120 rows/s.
        converting.Should().Be("600 rows, 300 rows/s");
    }

    [Fact]
    public async Task Convert_with_normalize_reports_the_vocabulary_pass_first_and_times_both_passes()
    {
        using var temp = new TempDirectory();
        var progress = new HoldingFirstPass(TimeSpan.FromMilliseconds(300));

        var report = await PaperChunksConverter.ConvertAsync(
            [SampleFiles.Chunks000], temp.File("out.parquet"), new ConvertOptions { Normalize = NormalizeOptions.Default }, progress);

        progress.Phases.Distinct().Should().Equal(ConvertPhase.LearningVocabulary, ConvertPhase.Converting);
        progress.LastRows.Should().Equal(new Dictionary<ConvertPhase, long> { [ConvertPhase.LearningVocabulary] = 100, [ConvertPhase.Converting] = 100 });
        // The first pass was held for 300 ms, so a time that left it out would be shorter (a lower bound: load only adds).
        report.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task The_progress_display_stays_off_when_stderr_is_not_a_terminal_or_with_quiet()
    {
        using var temp = new TempDirectory();

        var redirected = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", temp.File("a.parquet"), "--normalize");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var quiet = await PaperChunksCli.RunAsync(
            ["convert", SampleFiles.Chunks000, "-o", temp.File("b.parquet"), "--normalize", "--quiet"],
            new CliConsole(output, error, ErrorIsTerminal: true),
            CancellationToken.None);

        redirected.Exit.Should().Be(0);
        redirected.Error.Should().BeEmpty();
        quiet.Should().Be(0);
        error.ToString().Should().BeEmpty();
    }

    private static ConvertProgress Progress(ConvertPhase phase, long rows) => new(0, 100, rows) { Phase = phase };

    /// <summary>Records each report and holds the first one of the vocabulary pass (reports come on the pipeline's thread).</summary>
    private sealed class HoldingFirstPass(TimeSpan hold) : IProgress<ConvertProgress>
    {
        public List<ConvertPhase> Phases { get; } = [];

        public Dictionary<ConvertPhase, long> LastRows { get; } = [];

        public void Report(ConvertProgress value)
        {
            if (Phases.Count == 0 && value.Phase == ConvertPhase.LearningVocabulary)
            {
                Thread.Sleep(hold);
            }

            Phases.Add(value.Phase);
            LastRows[value.Phase] = value.Rows;
        }
    }
}
