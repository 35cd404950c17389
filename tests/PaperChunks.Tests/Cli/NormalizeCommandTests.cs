using System.Text.Json;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Cli;

public class NormalizeCommandTests
{
    [Fact]
    public async Task Normalize_repairs_the_chunk_field_and_reports_json()
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.jsonl");
        var output = temp.File("out.jsonl");
        await using (var writer = new JsonlChunkWriter(input))
        {
            writer.Write(new ChunkRecord
            {
                Doi = "1511.06856", ChunkId = 3, Id = "1511.06856#3",
                Chunk = "Natural gradient works efï¬ciently in learning, pp. 315â323, 2011. Schmidhuber, J¨urgen.",
                Title = "Data-dependent Initializations of Convolutional Neural Networks",
            });
            writer.Write(new ChunkRecord { Doi = "1511.06856", ChunkId = 4, Id = "1511.06856#4", Chunk = "the ï¬ats plan" });
            await writer.CompleteAsync();
        }

        var (exit, report, _) = await CliRun.RunAsync("normalize", input, "-o", output, "--report", "json");

        exit.Should().Be(0);
        await using var reader = new JsonlChunkReader(output);
        var records = reader.ReadAll().ToList();
        records[0].Chunk.Should().Be("Natural gradient works efficiently in learning, pp. 315–323, 2011. Schmidhuber, Jürgen.");
        records[1].Chunk.Should().Be("the ï¬ats plan");
        using var json = JsonDocument.Parse(report);
        var root = json.RootElement;
        root.GetProperty("records").GetInt64().Should().Be(2);
        root.GetProperty("texts").GetInt64().Should().Be(6);
        root.GetProperty("changed_texts").GetInt64().Should().Be(1);
        root.GetProperty("fixes").GetProperty("LossyMojibake").GetInt64().Should().Be(2);
        root.GetProperty("fixes").GetProperty("SpacingDiacritic").GetInt64().Should().Be(1);
        var undecided = root.GetProperty("undecided")[0];
        undecided.GetProperty("record").GetString().Should().Be("1511.06856#4");
        undecided.GetProperty("field").GetString().Should().Be("chunk");
        undecided.GetProperty("reason").GetString().Should().Be("ï¬ in \"ï¬ats\": fiats / flats are all words");
    }

    [Fact]
    public async Task Normalize_joins_line_break_hyphens_in_the_sample()
    {
        using var temp = new TempDirectory();
        var output = temp.File("out.jsonl");

        var (exit, text, _) = await CliRun.RunAsync("normalize", SampleFiles.Chunks000, "-o", output);

        exit.Should().Be(0);
        text.Should().StartWith("records             100\ntexts changed       ");
        await using var reader = new JsonlChunkReader(output);
        var chunk = reader.ReadAll().Single(r => r.Id == "1703.04933#41").Chunk;
        chunk.Should().Contain(" amplitude of the gradient of the prediction function");
    }

    [Fact]
    public async Task Normalize_reads_the_seed_001_viewer_table_and_leaves_only_undecided_ligatures()
    {
        using var temp = new TempDirectory();
        var input = SeedFiles.WritePlain(SeedFiles.ChunkTable, temp.Path);
        var output = temp.File("out.jsonl");

        var (exit, report, _) = await CliRun.RunAsync("normalize", input, "-o", output, "--report", "json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(report);
        json.RootElement.GetProperty("format").GetString().Should().Be("viewer-table");
        json.RootElement.GetProperty("kind").GetString().Should().Be("chunk");
        json.RootElement.GetProperty("records").GetInt64().Should().Be(100);
        await using var reader = new JsonlChunkReader(output);
        var chunks = reader.ReadAll().Select(r => r.Chunk).ToList();
        // ï¬at is flat by word frequency; what is left is the figure's vertical text "ï¬ f e o c".
        chunks.Sum(c => CountOf(c, "ï¬")).Should().Be(1);
        json.RootElement.GetProperty("undecided").EnumerateArray()
            .Count(u => u.GetProperty("reason").GetString()!.StartsWith("ï¬", StringComparison.Ordinal)).Should().Be(1);
    }

    internal static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    [Fact]
    public async Task Normalize_only_touches_the_named_field()
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.jsonl");
        var output = temp.File("out.jsonl");
        await File.WriteAllTextAsync(input,
            "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"ﬁle\",\"title\":\"ﬁle\",\"comment\":\"ﬁle\"}\n");

        var (exit, _, _) = await CliRun.RunAsync("normalize", input, "-o", output, "--field", "comment");

        exit.Should().Be(0);
        await using var reader = new JsonlChunkReader(output);
        var record = reader.ReadAll().Single();
        (record.Chunk, record.Title, record.Comment).Should().Be(("ﬁle", "ﬁle", "file"));
    }
}
