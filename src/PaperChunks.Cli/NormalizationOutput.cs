using System.Globalization;
using PaperChunks.Cli.Reports;
using PaperChunks.Text;

namespace PaperChunks.Cli;

/// <summary>How a <see cref="NormalizationReport"/> appears in every command that normalizes (normalize, convert, reassemble).</summary>
internal static class NormalizationOutput
{
    /// <summary>Fix counts by repair kind, every kind listed.</summary>
    public static Dictionary<string, long> Fixes(NormalizationReport r) =>
        Enum.GetValues<RepairKind>().ToDictionary(k => k.ToString(), r.FixesOf);

    /// <summary>The kept examples of fixes.</summary>
    public static IReadOnlyList<FixJson> Examples(NormalizationReport r) =>
        [.. r.Examples.Select(e => new FixJson(e.RecordId, e.Field, e.Fix.Kind.ToString(), e.Fix.Offset, e.Fix.Before, e.Fix.After))];

    /// <summary>The kept undecided sequences.</summary>
    public static IReadOnlyList<UndecidedJson> Undecided(NormalizationReport r) =>
        [.. r.Undecided.Select(u => new UndecidedJson(u.RecordId, u.Field, u.Sequence.Kind.ToString(), u.Sequence.Offset, u.Sequence.Text, u.Sequence.Reason))];

    /// <summary>The whole report as one JSON object, for commands whose report has other things at the top.</summary>
    public static NormalizationJson Json(NormalizationReport r, int? corpusWords) =>
        new(r.Records, r.Texts, r.ChangedTexts, corpusWords, Fixes(r), Examples(r), r.UndecidedCount, Undecided(r));

    /// <summary>The report as text lines: texts changed, a count per repair kind, undecided; nothing when <paramref name="r"/> is null.</summary>
    public static async Task WriteTextAsync(TextWriter output, NormalizationReport? r)
    {
        if (r is null)
            return;
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"texts changed       {r.ChangedTexts:N0} of {r.Texts:N0}")).ConfigureAwait(false);
        foreach (var kind in Enum.GetValues<RepairKind>())
            await output.WriteLineAsync(string.Create(c, $"{kind,-20}{r.FixesOf(kind):N0}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"undecided           {r.UndecidedCount:N0}")).ConfigureAwait(false);
    }
}
