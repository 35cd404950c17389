using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Csv;

public class CsvChunkWriterTests
{
    private const string Header = "doi,chunk-id,chunk,id,title,summary,source,authors,categories,comment,journal_ref,primary_category,published,updated,references\n";

    [Theory]
    [InlineData("chunks.csv")]
    [InlineData("chunks.csv.gz")]
    [InlineData("chunks.csv.zst")]
    public void Round_trips_the_sample_JSONL_through_CSV_byte_for_byte(string name)
    {
        using var temp = new TempDirectory();
        var csv = temp.File(name);
        var bytes = SampleRoundTrip.Through(() => new CsvChunkWriter(csv), () => new CsvChunkReader(csv));

        bytes.Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
    }

    [Fact]
    public void Writes_the_first_seed_row_with_lists_as_JSON_cells()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
        var text = Write(reader.Read()!);

        text.Should().StartWith(Header + "1703.04933,40,\"(c) Loss function with another reparametrization");
        text.Should().Contain(",http://arxiv.org/pdf/1703.04933,\"[\"\"Laurent Dinh\"\",\"\"Razvan Pascanu\"\",\"\"Samy Bengio\"\",\"\"Yoshua Bengio\"\"]\",\"[\"\"cs.LG\"\"]\",");
        text.Should().Contain(",\"8.5 pages of main content, 2.5 of bibliography and 1 page of appendix\",,cs.LG,20170315,20170515,");
        text.Should().Contain(",cs.LG,20170315,20170515,\"[{\"\"id\"\":\"\"1609.03193\"\"},{\"\"id\"\":\"\"1701.04271\"\"},");
    }

    [Fact]
    public void Quotes_line_breaks_and_quotes_inside_cells_and_reads_them_back()
    {
        var record = Record("line one\nsaid \"two\", then three");

        var text = Write(record);

        text.Should().Be(Header + "1511.07289,3,\"line one\nsaid \"\"two\"\", then three\",\"\",\"\",\"\",\"\",[],[],,,\"\",,,[]\n");
        Read(text).Should().Equal(record);
    }

    [Fact]
    public void Keeps_null_and_empty_strings_apart()
    {
        var record = Record("c") with { Comment = "", JournalRef = null };

        var text = Write(record);

        text.Should().EndWith(",[],[],\"\",,\"\",,,[]\n");
        var back = Read(text).Single();
        back.Comment.Should().Be("");
        back.JournalRef.Should().BeNull();
    }

    [Fact]
    public void Escapes_formula_cells_only_when_asked()
    {
        var record = Record("=HYPERLINK(\"http://x\")") with { Title = "+1", Summary = "-2", Source = "@3" };

        var plain = Write(record);
        var guarded = Write(record, new CsvWriterOptions { EscapeFormulas = true });

        plain.Should().Contain(",\"=HYPERLINK(\"\"http://x\"\")\",\"\",+1,-2,@3,");
        guarded.Should().Contain(",\"'=HYPERLINK(\"\"http://x\"\")\",\"\",\"'+1\",\"'-2\",\"'@3\",");
        guarded.Should().Contain("1511.07289,3,");
    }

    [Fact]
    public void Writes_only_the_header_when_no_rows_come()
    {
        using var output = new MemoryStream();
        using (var writer = new CsvChunkWriter(output))
        {
            writer.Complete();
        }

        Encoding.UTF8.GetString(output.ToArray()).Should().Be(Header);
    }

    [Fact]
    public void Leaves_nothing_when_aborted_before_completion()
    {
        using var temp = new TempDirectory();
        using (var writer = new CsvChunkWriter(temp.File("out.csv")))
        {
            writer.Write(Record("c"));
            writer.Abort();
        }

        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Leaves_nothing_when_aborted_before_asynchronous_dispose()
    {
        using var temp = new TempDirectory();
        await using (var writer = new CsvChunkWriter(temp.File("out.csv.gz")))
        {
            await writer.WriteAsync(Record("c"));
            writer.Abort();
        }

        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    internal static ChunkRecord Record(string chunk) => new() { Doi = "1511.07289", ChunkId = 3, Chunk = chunk };

    private static string Write(ChunkRecord record, CsvWriterOptions? options = null)
    {
        using var output = new MemoryStream();
        using (var writer = new CsvChunkWriter(output, options))
        {
            writer.Write(record);
            writer.Complete();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static List<ChunkRecord> Read(string text)
    {
        using var reader = new CsvChunkReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        return reader.ReadAll().ToList();
    }
}
