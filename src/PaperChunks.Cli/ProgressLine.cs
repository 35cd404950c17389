using System.Globalization;
using PaperChunks.Conversion;

namespace PaperChunks.Cli;

/// <summary>
/// The description beside <c>convert</c>'s progress bar: the pass (<c>--normalize</c> reads the inputs once to learn
/// their words before converting), the rows of this pass and their rate within it, since each pass counts from 0.
/// </summary>
internal sealed class ProgressLine
{
    private ConvertPhase? _phase;
    private TimeSpan _phaseStarted;

    /// <summary>The line for <paramref name="progress"/>, reported <paramref name="elapsed"/> after the run started.</summary>
    public string Describe(ConvertProgress progress, TimeSpan elapsed)
    {
        if (progress.Phase != _phase)
        {
            (_phase, _phaseStarted) = (progress.Phase, elapsed);
        }

        var seconds = Math.Max((elapsed - _phaseStarted).TotalSeconds, 0.001);
        var pass = progress.Phase switch
        {
            ConvertPhase.LearningVocabulary => "learning words: ",
            ConvertPhase.ScanningColumns => "scanning columns: ",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{pass}{progress.Rows:N0} rows, {progress.Rows / seconds:N0} rows/s");
    }
}
