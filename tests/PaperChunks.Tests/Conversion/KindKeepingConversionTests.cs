using FluentAssertions;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.ShortScience;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Conversion;

/// <summary>Round trips: a viewer or ShortScience seed converted to JSONL reads back as the same records.</summary>
public class KindKeepingConversionTests
{
    [Theory]
    [InlineData(SeedFiles.ChunkLines)]
    [InlineData(SeedFiles.ChunkTable)]
    public async Task Chunk_rows_survive_viewer_to_jsonl(string seed)
    {
        using var temp = new TempDirectory();
        var output = temp.File("chunks.jsonl");

        var report = await PaperChunksConverter.ConvertAsync([SeedFiles.PathOf(seed)], output);

        report.Rows.Should().Be(100);
        report.Input!.Kind.Should().Be(RecordKind.Chunk);
        using var viewer = new ViewerChunkReader(SeedFiles.PathOf(seed));
        using var jsonl = new JsonlChunkReader(output);
        jsonl.ReadAll().Should().Equal(viewer.ReadAll());
    }

    [Fact]
    public async Task SciTldr_rows_survive_viewer_to_jsonl_in_the_flattened_shape()
    {
        using var temp = new TempDirectory();
        var output = temp.File("scitldr.jsonl.zst");

        var report = await PaperChunksConverter.ConvertAsync([SeedFiles.PathOf(SeedFiles.SciTldrLines)], output);

        report.Rows.Should().Be(100);
        using var viewer = new ViewerSummarizationReader(SeedFiles.PathOf(SeedFiles.SciTldrLines));
        using var jsonl = new JsonlSummarizationReader(output);
        var back = jsonl.ReadAll().ToList();
        back.Should().Equal(viewer.ReadAll());
        back.Should().OnlyContain(r => r.Shape == SummarizationShape.Flattened);
    }

    [Fact]
    public async Task ShortScience_entries_survive_page_to_jsonl()
    {
        using var temp = new TempDirectory();
        var output = temp.File("summaries.jsonl");

        var report = await PaperChunksConverter.ConvertAsync([SeedFiles.PathOf(SeedFiles.ShortScience)], output);

        report.Rows.Should().Be(10);
        using var page = new ShortScienceReader(SeedFiles.PathOf(SeedFiles.ShortScience));
        using var jsonl = new JsonlPaperSummaryReader(output);
        jsonl.ReadAll().Should().Equal(page.ReadAll());
        File.ReadLines(output).ElementAt(2).Should().Contain(
            "\"keywords\":[\"cs.LG\",\"cs.NE\"],\"first_published\":\"2015-11-24\",\"abstract\":\"We introduce the Dynamic Capacity Network (DCN), a neural network that can\\nadaptively");
    }

    [Fact]
    public async Task Generic_rows_survive_viewer_to_jsonl()
    {
        using var temp = new TempDirectory();
        var input = temp.File("other.txt");
        File.WriteAllText(input, "name\nstringlengths\n3\n7\nscore\nint64\n0\n9\nalpha\n3\nbeta\nnull\n");
        var output = temp.File("other.jsonl");

        var report = await PaperChunksConverter.ConvertAsync([input], output);

        report.Input.Should().Be(new DetectedFormat(InputFormat.ViewerLines, RecordKind.Generic, StreamCompression.None));
        File.ReadAllText(output).Should().Be("{\"name\":\"alpha\",\"score\":3}\n{\"name\":\"beta\",\"score\":null}\n");
        using var back = new JsonlGenericReader(output);
        using var viewer = new ViewerGenericReader(input);
        back.ReadAll().Should().Equal(viewer.ReadAll());
    }

    [Fact]
    public async Task Leaves_no_output_when_the_input_fails()
    {
        using var temp = new TempDirectory();
        var input = temp.File("cut.txt");
        File.WriteAllLines(input, SeedFiles.Text(SeedFiles.ChunkLines).Split('\n')[..(58 + 20)]);
        var output = temp.File("cut.jsonl");

        var convert = () => PaperChunksConverter.ConvertAsync([input], output);

        (await convert.Should().ThrowAsync<PaperChunksFormatException>()).Which.Reason.Should().Be("row 2 at line 74: expected 15 cells, the file ended after 5");
        File.Exists(output).Should().BeFalse();
        Directory.GetFiles(temp.Path).Should().Equal(input);
    }

    [Fact]
    public async Task Keeps_an_existing_output_unless_told_to_overwrite()
    {
        using var temp = new TempDirectory();
        var output = temp.File("chunks.jsonl");
        File.WriteAllText(output, "keep me\n");

        var convert = () => PaperChunksConverter.ConvertAsync([SeedFiles.PathOf(SeedFiles.ShortScience)], output);

        await convert.Should().ThrowAsync<PaperChunksOutputException>();
        File.ReadAllText(output).Should().Be("keep me\n");
        (await PaperChunksConverter.ConvertAsync([SeedFiles.PathOf(SeedFiles.ShortScience)], output, new ConvertOptions { Writer = new WriterOptions { Overwrite = true } })).Rows.Should().Be(10);
    }
}
