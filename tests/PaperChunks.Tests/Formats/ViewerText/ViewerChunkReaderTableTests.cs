using FluentAssertions;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.ViewerText;

/// <summary>Seed 001: chunk rows as a pipe table whose cells keep newlines and sometimes contain " | ".</summary>
public class ViewerChunkReaderTableTests
{
    private const string Elu = "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)";
    private const string DataDependent = "Data-dependent Initializations of Convolutional Neural Networks";
    private const string GradientNoise = "Adding Gradient Noise Improves Learning for Very Deep Networks";

    private static readonly string[] EluAuthors = ["Djork-Arné Clevert", "Thomas Unterthiner", "Sepp Hochreiter"];
    private static readonly string[] DataDependentAuthors = ["Philipp Krähenbühl", "Carl Doersch", "Jeff Donahue", "Trevor Darrell"];

    [Fact]
    public void Reads_all_100_rows_of_four_papers_with_the_seed_gaps()
    {
        var rows = ViewerSeeds.Chunks(SeedFiles.ChunkTable);

        rows.Should().HaveCount(100);
        rows.Should().OnlyContain(r => r.Id == r.Doi + "#" + r.ChunkId && r.Source == "http://arxiv.org/pdf/" + r.Doi);
        ChunkIds(rows, "1511.07289").Should().Equal(Enumerable.Range(37, 16));
        ChunkIds(rows, "1511.06807").Should().Equal(Enumerable.Range(0, 30));
        ChunkIds(rows, "1511.06856").Should().Equal(Enumerable.Range(0, 29).Except([6, 10, 22]));
        ChunkIds(rows, "1511.06939").Should().Equal(Enumerable.Range(0, 29).Except([11]));
        rows.Select(r => r.Id).Take(20).Should().Equal(
            "1511.07289#37", "1511.07289#38", "1511.07289#39", "1511.07289#40", "1511.07289#41", "1511.07289#42", "1511.07289#43",
            "1511.07289#44", "1511.07289#45", "1511.07289#46", "1511.07289#47", "1511.07289#48", "1511.07289#49", "1511.07289#50",
            "1511.07289#51", "1511.07289#52", "1511.06807#0", "1511.06856#0", "1511.06939#0", "1511.06807#1");
        rows[^1].Id.Should().Be("1511.06807#29");
    }

    [Fact]
    public void Reads_the_table_header_with_nullable_marks()
    {
        using var reader = new ViewerChunkReader(SeedFiles.PathOf(SeedFiles.ChunkTable));
        reader.Read();

        reader.Layout.Should().Be(ViewerLayout.Table);
        reader.Columns!.Select(c => c.Name).Should().Equal(ChunkColumns.All);
        reader.Columns!.Where(c => c.IsNullable).Select(c => c.Name).Should().Equal("comment", "journal_ref");
        reader.Columns![0].Should().Be(new ViewerColumn("doi", "stringlengths", "10", "10", false));
        reader.Columns![9].Should().Be(new ViewerColumn("comment", "stringlengths", "4", "398", true));
        reader.Columns![14].Should().Be(new ViewerColumn("references", "list", null, null, false));
    }

    [Fact]
    public void Reads_the_first_row_with_its_newlines_kept()
    {
        var row = ViewerSeeds.Chunks(SeedFiles.ChunkTable)[0];

        row.Doi.Should().Be("1511.07289");
        row.ChunkId.Should().Be(37);
        row.Chunk.Should().StartWith("9\nPublished as a conference paper at ICLR 2016\n(a) Training ")
            .And.EndWith("need 200k iterations to reach the same error rate.").And.HaveLength(572);
        row.Id.Should().Be("1511.07289#37");
        row.Title.Should().Be(Elu);
        row.Summary.Should().StartWith("We introduce the \"exponential linear unit\" (ELU) which speeds up learning in\ndeep neural networks")
            .And.EndWith("for a single crop, single model network.").And.HaveLength(1827);
        row.Source.Should().Be("http://arxiv.org/pdf/1511.07289");
        row.Authors.Should().Equal(EluAuthors);
        row.Categories.Should().Equal("cs.LG");
        row.Comment.Should().Be("Published as a conference paper at ICLR 2016");
        row.JournalRef.Should().BeNull();
        row.PrimaryCategory.Should().Be("cs.LG");
        row.Published.Should().Be("20151123");
        row.Updated.Should().Be("20160222");
        row.References.Should().BeEmpty();
    }

    [Fact]
    public void Reads_the_last_row_with_its_multiline_references()
    {
        var row = ViewerSeeds.Chunks(SeedFiles.ChunkTable)[^1];

        row.Id.Should().Be("1511.06807#29");
        row.Chunk.Should().StartWith("We believe that this surprisingly simple yet effective idea,")
            .And.EndWith(" tradeoffs of large scale learning. In NIPS, 2008.").And.HaveLength(1122);
        row.Title.Should().Be(GradientNoise);
        row.Summary.Should().StartWith("Deep feedforward and recurrent networks have achie").And.EndWith("additional complex modern\narchitectures.").And.HaveLength(1460);
        row.Authors.Should().Equal("Arvind Neelakantan", "Luke Vilnis", "Quoc V. Le", "Ilya Sutskever", "Lukasz Kaiser", "Karol Kurach", "James Martens");
        row.Categories.Should().Equal("stat.ML", "cs.LG");
        row.Comment.Should().BeNull();
        row.JournalRef.Should().BeNull();
        row.PrimaryCategory.Should().Be("stat.ML");
        row.Published.Should().Be("20151121");
        row.Updated.Should().Be("20151121");
        row.References.Should().Equal(new PaperReference("1508.05508"));
    }

    /// <summary>The five rows of seed 001 whose chunk contains " | ": index, start line, id, a snippet around the pipe, chunk length.</summary>
    public static TheoryData<int, long, string, string, int> PipeRows => new()
    {
        { 10, 321, "1511.07289#47", "s= (c - bab) | . (19)\nProof. For block matrices the inverse is", 741 },
        { 11, 363, "1511.07289#48", "s= (c - BTA) | (35)\n# B QUADRATIC FORM OF MEAN AND INVERSE SECOND", 654 },
        { 53, 1368, "1511.06856#13", "n at the same ârate,â we require the change in eq. | to be propor- tional", 955 },
        { 67, 1679, "1511.06807#18", "Timestep t=1,2,...,T Arithmetic and LZ | logic operations", 1166 },
        { 68, 1711, "1511.06856#18", "falls with the size of the sample | ËD|. In practice", 1421 },
    };

    [Theory]
    [MemberData(nameof(PipeRows))]
    public void Reads_pipe_inside_chunk_cell_as_text(int index, long line, string id, string snippet, int chunkLength)
    {
        using var reader = new ViewerChunkReader(SeedFiles.PathOf(SeedFiles.ChunkTable));
        var rows = new List<(ChunkRecord Row, long Line)>();
        while (reader.Read() is { } row)
        {
            rows.Add((row, reader.CurrentLine));
        }

        var (record, start) = rows[index];
        start.Should().Be(line);
        record.Id.Should().Be(id);
        record.Chunk.Should().Contain(snippet).And.HaveLength(chunkLength);
        record.Source.Should().Be("http://arxiv.org/pdf/" + record.Doi);
        record.Title.Should().Be(record.Doi == "1511.07289" ? Elu : record.Doi == "1511.06856" ? DataDependent : GradientNoise);
        record.Authors.Should().Equal(record.Doi switch
        {
            "1511.07289" => EluAuthors,
            "1511.06856" => DataDependentAuthors,
            _ => ["Arvind Neelakantan", "Luke Vilnis", "Quoc V. Le", "Ilya Sutskever", "Lukasz Kaiser", "Karol Kurach", "James Martens"],
        });
        record.PrimaryCategory.Should().Be(record.Doi switch { "1511.07289" => "cs.LG", "1511.06856" => "cs.CV", _ => "stat.ML" });
    }

    [Fact]
    public void Reads_the_data_dependent_pipe_row_metadata_exactly()
    {
        var row = ViewerSeeds.Chunks(SeedFiles.ChunkTable)[53];

        row.Chunk.Should().StartWith("# 3 DATA-DEPENDENT INITIALIZATION\nGiven an N-layer neural ne").And.EndWith("of the current layer; i.e.,\n2 20 = Cnig (2) bo Wal");
        row.Summary.Should().StartWith("Convolutional Neural Networks spread through compu").And.EndWith("upervised and unsupervised pre-training.").And.HaveLength(1184);
        row.Categories.Should().Equal("cs.CV", "cs.LG");
        row.Comment.Should().Be("ICLR 2016");
        row.JournalRef.Should().BeNull();
        row.Published.Should().Be("20151121");
        row.Updated.Should().Be("20160922");
        row.References.Should().BeEmpty();
    }

    [Fact]
    public void Reads_a_markdown_table_inside_a_chunk_whose_lines_end_like_rows()
    {
        // Twelve lines "| r | a | b | c |" put 48 more " | " into row 1's chunk, and end lines in " |" before the row does.
        var table = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"| {i} | a | b | c |"));
        var original = "(a) Training loss (b) Top-5 test error (c) Top-1 test error";
        var text = SeedFiles.Text(SeedFiles.ChunkTable).Replace(original, table, StringComparison.Ordinal);
        using var reader = ViewerSeeds.ChunkReader(text);

        var rows = reader.ReadAll().ToList();
        var expected = ViewerSeeds.Chunks(SeedFiles.ChunkTable);

        rows.Should().HaveCount(100);
        rows[0].Should().Be(expected[0] with { Chunk = expected[0].Chunk.Replace(original, table, StringComparison.Ordinal) });
        rows.Skip(1).Should().Equal(expected.Skip(1));
    }

    [Fact]
    public void Skips_the_page_text_after_the_table_without_a_warning()
    {
        using var reader = new ViewerChunkReader(SeedFiles.PathOf(SeedFiles.ChunkTable), new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });

        reader.ReadAll().Should().HaveCount(100);
        reader.ErrorCount.Should().Be(0);
    }

    [Fact]
    public async Task Reads_the_same_rows_asynchronously()
    {
        await using var reader = new ViewerChunkReader(SeedFiles.PathOf(SeedFiles.ChunkTable));
        var rows = new List<ChunkRecord>();
        await foreach (var row in reader.ReadAllAsync())
        {
            rows.Add(row);
        }

        rows.Should().Equal(ViewerSeeds.Chunks(SeedFiles.ChunkTable));
    }

    private static IEnumerable<int> ChunkIds(List<ChunkRecord> rows, string doi) =>
        rows.Where(r => r.Doi == doi).Select(r => (int)r.ChunkId).Order();
}
