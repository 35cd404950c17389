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

    [Theory]
    [InlineData("langchain-recursive-100-20")]
    [InlineData("langchain-recursive-500-20")]
    [InlineData("langchain-recursive-1000-200")]
    [InlineData("langchain-token-128-16")]
    [InlineData("chonkie-token-300-40")]
    [InlineData("chonkie-token-250-0")]
    [InlineData("llamaindex-sentence-128-20")]
    public void Every_paper_split_by_a_real_splitter_comes_back_whole(string splitter) => AllWhole(splitter);

    private static void AllWhole(string splitter)
    {
        var wrong = WrongPapers(splitter);
        wrong.Should().BeEmpty("every paper split by {0} should come back whole; {1} did not: {2}", splitter, wrong.Count, string.Join(", ", wrong));
    }

    private static List<string> WrongPapers(string splitter)
    {
        var originals = Originals();
        using var reader = PaperChunksReader.OpenChunks(Path.Combine(Folder, splitter + "-test.jsonl.gz"));
        var reassembler = new PaperReassembler();
        var papers = reassembler.Reassemble(reader.ReadAll()).ToList();

        papers.Select(p => p.Doi).Should().BeEquivalentTo(originals.Keys);
        reassembler.Report.Conflicts.Should().BeEmpty();
        return papers.Where(p => Collapse(p.Text) != Collapse(originals[p.Doi])).Select(p => p.Doi).ToList();
    }

    /// <summary>The held-out excerpts' texts in doi order: the property tests' real text, indexed as their cases name it.</summary>
    internal static readonly string[] OriginalTexts = [.. Originals().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];

    /// <summary>The held-out excerpts by doi, as the splitters got them.</summary>
    internal static Dictionary<string, string> Originals()
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
