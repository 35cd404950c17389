using System.Text;
using FluentAssertions;
using PaperChunks.Reassembly;
using PaperChunks.Records;

namespace PaperChunks.Tests.Reassembly;

/// <summary>Checks shared by the seed and property tests.</summary>
internal static class ReassemblyAssertions
{
    /// <summary>Whitespace runs as one space, ends trimmed: the comparison the reassembler promises.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }

    /// <summary>Every span's stretch of the text holds its chunk's words.</summary>
    public static void SpansPointAtTheirChunks(PaperRecord paper, IEnumerable<ChunkRecord> rows)
    {
        var chunks = rows.Where(r => r.Doi == paper.Doi).GroupBy(r => r.ChunkId).ToDictionary(g => g.Key, g => g.First().Chunk);
        paper.Spans.Select(s => s.ChunkId).Should().Equal(chunks.Keys.Order());
        foreach (var span in paper.Spans)
        {
            Collapse(paper.Text.Substring(span.Start, span.Length))
                .Should().Be(Collapse(chunks[span.ChunkId]), "span of chunk {0} of {1}", span.ChunkId, paper.Doi);
        }
    }
}
