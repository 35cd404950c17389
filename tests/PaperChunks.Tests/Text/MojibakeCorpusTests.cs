using FluentAssertions;
using PaperChunks.Text;
using Xunit;
using Xunit.Abstractions;

namespace PaperChunks.Tests.Text;

public sealed class MojibakeCorpusTests(ITestOutputHelper output)
{
    private static readonly TextNormalizer s_normalizer = new();

    [Theory]
    [InlineData(nameof(MojibakeCorpus.Tuning))]
    [InlineData(nameof(MojibakeCorpus.HeldOut))]
    [InlineData(nameof(MojibakeCorpus.Unseen))]
    public void Repairs_at_least_95_percent_of_real_mojibake_exactly(string set)
    {
        var strings = set switch
        {
            nameof(MojibakeCorpus.Tuning) => MojibakeCorpus.Tuning,
            nameof(MojibakeCorpus.HeldOut) => MojibakeCorpus.HeldOut,
            _ => MojibakeCorpus.Unseen,
        };
        int cases = 0, fixedExactly = 0;
        foreach (var (name, damage) in MojibakeCorpus.Mixups())
        {
            foreach (var good in strings)
            {
                var damaged = damage(good);
                if (damaged == good)
                    continue;
                cases++;
                var repaired = s_normalizer.Normalize(damaged).Text;
                if (repaired == good)
                    fixedExactly++;
                else
                    output.WriteLine($"{name}: {Escape(damaged)} -> {Escape(repaired)} (want {good})");
            }
        }
        output.WriteLine($"{set}: {fixedExactly} of {cases} fixed exactly");
        ((double)fixedExactly / cases).Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void Leaves_every_original_string_byte_identical()
    {
        foreach (var good in MojibakeCorpus.Tuning.Concat(MojibakeCorpus.HeldOut).Concat(MojibakeCorpus.Unseen))
        {
            var result = s_normalizer.Normalize(good);
            result.Text.Should().BeSameAs(good, because: good);
            result.Undecided.Should().BeEmpty(because: good);
        }
    }

    private static string Escape(string s) =>
        string.Concat(s.Select(c => c is >= '\u0080' and <= '\u009F' or '\u00A0' or '\u00AD' ? $"\\u{(int)c:X4}" : c.ToString()));
}
