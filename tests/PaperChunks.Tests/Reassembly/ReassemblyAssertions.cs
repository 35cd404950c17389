using System.Text.RegularExpressions;
using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;

namespace PaperChunks.Tests.Reassembly;

/// <summary>Checks shared by the seed and property tests.</summary>
internal static partial class ReassemblyAssertions
{
    /// <summary>Whitespace runs as one space, ends trimmed: the comparison the reassembler promises.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Every span's stretch of the text holds its chunk's words.</summary>
    public static void SpansPointAtTheirChunks(PaperRecord paper, IEnumerable<ChunkRecord> rows)
    {
        var chunks = rows.Where(r => r.Doi == paper.Doi).GroupBy(r => r.ChunkId).ToDictionary(g => g.Key, g => g.First().Chunk);
        paper.Spans.Select(s => s.ChunkId).Should().BeEquivalentTo(chunks.Keys.Order(), o => o.WithStrictOrdering());
        foreach (var span in paper.Spans)
        {
            Collapse(paper.Text.Substring(span.Start, span.Length))
                .Should().Be(Collapse(chunks[span.ChunkId]), "span of chunk {0} of {1}", span.ChunkId, paper.Doi);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
