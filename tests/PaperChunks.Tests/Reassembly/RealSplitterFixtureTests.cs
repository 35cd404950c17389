using System.IO.Compression;
using System.Text.Json;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Reassembly;
using Xunit;
using static PaperChunks.Tests.Reassembly.ReassemblyAssertions;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Held-out real arXiv text (excerpts of the sample papers) split by the real npm splitters, shuffled,
/// with repeated rows: Fixtures/Splitters/make-fixtures.mjs made them. Every paper comes back with its
/// words in order, whitespace set aside (the splitters strip it at joints).
/// </summary>
public class RealSplitterFixtureTests
{
    private static readonly string Folder = Path.Combine(SeedFiles.FixturesDirectory, "Splitters");

    private const string NotYet = "Not yet right (issue 15 open, see /work/notes/issue-15.md): ";

    [Theory]
    [InlineData("langchain-recursive-1000-200")]
    [InlineData("chonkie-token-300-40")]
    [InlineData("langchain-recursive-100-20", Skip = NotYet + "1 of 39 papers wrong")]
    [InlineData("langchain-recursive-500-20", Skip = NotYet + "1 of 39 papers wrong")]
    [InlineData("langchain-token-128-16", Skip = NotYet + "2 of 39 papers wrong")]
    [InlineData("llamaindex-sentence-128-20", Skip = NotYet + "12 of 39 papers wrong")]
    [InlineData("chonkie-token-250-0", Skip = NotYet + "2 of 39 papers wrong")]
    public void Every_paper_split_by_a_real_splitter_comes_back_whole(string splitter)
    {
        var originals = Originals();
        using var reader = PaperChunksReader.OpenChunks(Path.Combine(Folder, splitter + "-test.jsonl.gz"));
        var reassembler = new PaperReassembler();
        var papers = reassembler.Reassemble(reader.ReadAll()).ToList();

        papers.Select(p => p.Doi).Should().BeEquivalentTo(originals.Keys);
        var wrong = papers.Where(p => Collapse(p.Text) != Collapse(originals[p.Doi])).Select(p => p.Doi).ToList();
        wrong.Should().BeEmpty("every one of the {0} papers split by {1} should come back whole ({2} did not)", papers.Count, splitter, wrong.Count);
        reassembler.Report.Conflicts.Should().BeEmpty();
    }

    private static Dictionary<string, string> Originals()
    {
        using var file = File.OpenRead(Path.Combine(Folder, "originals-test.jsonl.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        var originals = new Dictionary<string, string>();
        while (text.ReadLine() is { Length: > 0 } line)
        {
            using var json = JsonDocument.Parse(line);
            originals[json.RootElement.GetProperty("doi").GetString()!] = json.RootElement.GetProperty("text").GetString()!;
        }

        return originals;
    }
}
