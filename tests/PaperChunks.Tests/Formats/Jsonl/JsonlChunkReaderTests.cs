using System.IO.Compression;
using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Jsonl;

public class JsonlChunkReaderTests
{
    [Fact]
    public void Rows_repeating_the_previous_rows_list_share_it_and_a_list_that_only_starts_alike_is_its_own()
    {
        const string Row = "{{\"doi\":\"1703.04933\",\"chunk-id\":{0},\"chunk\":\"c\",\"authors\":{1},\"references\":[{{\"id\":\"1609.03193\"}}]}}\n";
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, 0, "[\"Laurent Dinh\"]")
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, 1, "[\"Laurent Dinh\"]")
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, 2, "[\"Laurent Dinh\",\"Samy Bengio\"]")
            + string.Format(System.Globalization.CultureInfo.InvariantCulture, Row, 3, "[\"Laurent Dinh\"] ");
        using var reader = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var rows = reader.ReadAll().ToList();

        rows.Select(r => r.Authors.Count).Should().Equal(1, 1, 2, 1);
        rows[1].Authors.Should().BeSameAs(rows[0].Authors);
        rows[2].Authors.Should().Equal("Laurent Dinh", "Samy Bengio");
        rows[3].Authors.Should().NotBeSameAs(rows[2].Authors).And.Equal("Laurent Dinh");
        rows[3].References.Should().BeSameAs(rows[0].References);
        rows[3].References.Should().Equal(new PaperReference("1609.03193"));
    }

    [Fact]
    public void Reads_the_first_seed_row_field_by_field()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);

        var first = reader.Read()!;

        first.Doi.Should().Be("1703.04933");
        first.ChunkId.Should().Be(40);
        first.Id.Should().Be("1703.04933#40");
        first.Chunk.Should().StartWith("(c) Loss function with another reparametrization Figure 5:")
            .And.EndWith("the scale s and the unnormalized weight v 4 0.").And.HaveLength(857);
        first.Title.Should().Be("Sharp Minima Can Generalize For Deep Nets");
        first.Summary.Should().StartWith("Despite their overwhelming capacity to overfit").And.HaveLength(1044);
        first.Source.Should().Be("http://arxiv.org/pdf/1703.04933");
        first.Authors.Should().Equal("Laurent Dinh", "Razvan Pascanu", "Samy Bengio", "Yoshua Bengio");
        first.Categories.Should().Equal("cs.LG");
        first.Comment.Should().Be("8.5 pages of main content, 2.5 of bibliography and 1 page of appendix");
        first.JournalRef.Should().BeNull();
        first.PrimaryCategory.Should().Be("cs.LG");
        first.Published.Should().Be("20170315");
        first.PublishedDate.Should().Be(new DateOnly(2017, 3, 15));
        first.UpdatedDate.Should().Be(new DateOnly(2017, 5, 15));
        first.References.Select(r => r.Id).Should().Equal(
            "1609.03193", "1701.04271", "1609.04836", "1606.04838", "1611.03530", "1605.08803", "1511.01029",
            "1609.08144", "1611.01838", "1606.05336", "1603.01431", "1511.01844", "1612.04010", "1611.07476",
            "1611.02344");
        first.AbsentFields.Should().Be(ChunkFields.None);
        first.ExtraFields.Should().BeEmpty();
        reader.CurrentLine.Should().Be(1);
    }

    [Fact]
    public void Reads_all_100_rows_of_five_papers_with_the_last_row_exact()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);

        var rows = reader.ReadAll().ToList();

        rows.Should().HaveCount(100);
        rows.Select(r => r.Doi).Distinct().Should().BeEquivalentTo("1703.04933", "1703.05175", "1703.04908", "1703.04247", "1703.03664");
        var last = rows[^1];
        last.Id.Should().Be("1703.03664#23");
        last.Authors.Should().Equal("Scott Reed", "Aäron van den Oord", "Nal Kalchbrenner", "Sergio Gómez Colmenarejo", "Ziyu Wang", "Dan Belov", "Nando de Freitas");
        last.Categories.Should().Equal("cs.CV", "cs.NE");
        last.Comment.Should().BeNull();
        last.References.Should().HaveCount(8).And.StartWith(new PaperReference("1701.05517"));
        reader.RecordsRead.Should().Be(100);
        reader.CurrentLine.Should().Be(100);
    }

    [Fact]
    public async Task Reads_the_same_records_asynchronously()
    {
        using var sync = new JsonlChunkReader(SampleFiles.Chunks000);
        await using var async = new JsonlChunkReader(SampleFiles.Chunks000);

        var fromAsync = new List<ChunkRecord>();
        await foreach (var record in async.ReadAllAsync())
        {
            fromAsync.Add(record);
        }

        fromAsync.Should().Equal(sync.ReadAll());
    }

    [Theory]
    [InlineData(".gz")]
    [InlineData(".zst")]
    public void Reads_compressed_files_by_extension(string extension)
    {
        using var temp = new TempDirectory();
        var path = temp.File("chunks.jsonl" + extension);
        var plain = File.ReadAllBytes(SampleFiles.Chunks000);
        using (var file = File.Create(path))
        using (Stream compressor = extension == ".gz" ? new GZipStream(file, CompressionLevel.Fastest) : new ZstdSharp.CompressionStream(file))
        {
            compressor.Write(plain);
        }

        using var reader = new JsonlChunkReader(path);
        using var expected = new JsonlChunkReader(SampleFiles.Chunks000);

        reader.ReadAll().Should().Equal(expected.ReadAll());
    }

    [Fact]
    public void Accepts_a_bom_crlf_line_ends_and_blank_lines()
    {
        var text = "\uFEFF{\"doi\":\"1703.04933\",\"chunk-id\":1,\"chunk\":\"a\"}\r\n\r\n  \r\n{\"doi\":\"1703.04933\",\"chunk-id\":2,\"chunk\":\"b\"}";
        using var reader = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var rows = reader.ReadAll().ToList();

        rows.Select(r => (r.ChunkId, r.Chunk)).Should().Equal((1L, "a"), (2L, "b"));
        reader.CurrentLine.Should().Be(4);
    }

    [Fact]
    public void Keeps_unknown_fields_and_remembers_absent_ones()
    {
        var line = "{\"doi\":\"1\",\"chunk-id\":0,\"chunk\":\"c\",\"comment\":null,\"x-score\":[1,{\"a\":true}]}\n";
        using var reader = new JsonlChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(line)));

        var row = reader.Read()!;

        row.ExtraFields.Should().Equal(new ExtraField("x-score", "[1,{\"a\":true}]"));
        row.Comment.Should().BeNull();
        row.AbsentFields.Should().HaveFlag(ChunkFields.JournalRef).And.NotHaveFlag(ChunkFields.Comment);
    }
}
