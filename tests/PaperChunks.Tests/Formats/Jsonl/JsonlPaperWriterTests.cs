using System.Text;
using System.Text.Json;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using PaperChunks.Tests.Reassembly;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

public class JsonlPaperWriterTests
{
    private static readonly PaperRecord Small = new()
    {
        Doi = "1511.06856",
        Title = "Data-dependent Initializations of Convolutional Neural Networks",
        Summary = "Convolutional Neural Networks spread through computer vision like a wildfire,",
        Source = "http://arxiv.org/pdf/1511.06856",
        Authors = ["Philipp Krähenbühl", "Carl Doersch"],
        Categories = ["cs.CV", "cs.LG"],
        Comment = null,
        JournalRef = null,
        PrimaryCategory = "cs.CV",
        Published = "20151121",
        Updated = "20160922",
        References = [new PaperReference("1502.03167")],
        Text = "fast.\n# 3 DATA-DEPENDENT\tINITIALIZATION \"x\" \\ \u0001 \u001F é\r",
        ChunkCount = 2,
        MissingChunkIds = [6, 10],
        DuplicateChunkIds = [],
        Spans = [new ChunkSpan(12, 0, 30), new ChunkSpan(13, 6, 37)],
    };

    private const string SmallLine =
        "{\"doi\":\"1511.06856\",\"title\":\"Data-dependent Initializations of Convolutional Neural Networks\","
        + "\"summary\":\"Convolutional Neural Networks spread through computer vision like a wildfire,\","
        + "\"source\":\"http://arxiv.org/pdf/1511.06856\",\"authors\":[\"Philipp Krähenbühl\",\"Carl Doersch\"],"
        + "\"categories\":[\"cs.CV\",\"cs.LG\"],\"comment\":null,\"journal_ref\":null,\"primary_category\":\"cs.CV\","
        + "\"published\":\"20151121\",\"updated\":\"20160922\",\"references\":[{\"id\":\"1502.03167\"}],"
        + "\"text\":\"fast.\\n# 3 DATA-DEPENDENT\\tINITIALIZATION \\\"x\\\" \\\\ \\u0001 \\u001F é\\r\",\"chunk_count\":2,"
        + "\"missing_chunk_ids\":[6,10],\"duplicate_chunk_ids\":[],"
        + "\"spans\":[{\"chunk-id\":12,\"start\":0,\"length\":30},{\"chunk-id\":13,\"start\":6,\"length\":37}]}\n";

    [Fact]
    public void Writes_one_snake_case_object_per_line_with_raw_utf8()
    {
        using var temp = new TempDirectory();
        var path = temp.File("papers.jsonl");

        using (var writer = new JsonlPaperWriter(path))
        {
            writer.Write(Small);
            writer.Complete();
        }

        File.ReadAllBytes(path).Should().Equal(Encoding.UTF8.GetBytes(SmallLine));
    }

    [Fact]
    public async Task Compresses_a_zst_target_to_the_same_bytes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("papers.jsonl.zst");

        await using (var writer = new JsonlPaperWriter(path))
        {
            await writer.WriteAsync(Small);
            await writer.WriteAsync(Small);
            await writer.CompleteAsync();
        }

        using var file = File.OpenRead(path);
        using var zstd = new ZstdSharp.DecompressionStream(file);
        using var text = new StreamReader(zstd, Encoding.UTF8);
        (await text.ReadToEndAsync()).Should().Be(SmallLine + SmallLine);
    }

    [Fact]
    public void Leaves_nothing_at_the_target_when_aborted()
    {
        using var temp = new TempDirectory();
        var path = temp.File("papers.jsonl");

        using (var writer = new JsonlPaperWriter(path))
        {
            writer.Write(Small);
            writer.Abort();
        }

        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void Writes_the_reassembled_seed_papers_so_that_spans_find_their_chunks()
    {
        using var temp = new TempDirectory();
        var path = temp.File("papers.jsonl");
        var rows = SeedChunkRows.PipeTable();

        using (var writer = new JsonlPaperWriter(path))
        {
            foreach (var paper in new PaperReassembler().Reassemble(rows))
            {
                writer.Write(paper);
            }

            writer.Complete();
        }

        var lines = File.ReadAllLines(path);
        lines.Should().HaveCount(4);
        using var json = JsonDocument.Parse(lines[1]);
        var root = json.RootElement;
        root.GetProperty("doi").GetString().Should().Be("1511.06856");
        root.GetProperty("missing_chunk_ids").EnumerateArray().Select(e => e.GetInt64()).Should().Equal(6, 10, 22);
        root.GetProperty("chunk_count").GetInt32().Should().Be(26, "chunks 0-28 less 6, 10 and 22");
        var text = root.GetProperty("text").GetString()!;
        foreach (var span in root.GetProperty("spans").EnumerateArray())
        {
            var id = span.GetProperty("chunk-id").GetInt64();
            var chunk = rows.Single(r => r.Doi == "1511.06856" && r.ChunkId == id).Chunk;
            ReassemblyAssertions.Collapse(text.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()))
                .Should().Be(ReassemblyAssertions.Collapse(chunk));
        }
    }
}
