using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.ShortScience;
using PaperChunks.Formats.ViewerText;
using Xunit;

namespace PaperChunks.Tests.Formats;

public class PaperChunksReaderTests
{
    [Theory]
    [InlineData(SeedFiles.ChunkLines, InputFormat.ViewerLines, RecordKind.Chunk, "viewer-lines.zst", "chunk")]
    [InlineData(SeedFiles.ChunkTable, InputFormat.ViewerTable, RecordKind.Chunk, "viewer-table.zst", "chunk")]
    [InlineData(SeedFiles.SciTldrLines, InputFormat.ViewerLines, RecordKind.Summarization, "viewer-lines.zst", "summarization")]
    [InlineData(SeedFiles.ShortScience, InputFormat.ShortScience, RecordKind.PaperSummary, "shortscience.zst", "paper-summary")]
    public void Detects_each_compressed_seed_from_its_content(string seed, InputFormat format, RecordKind kind, string name, string kindName)
    {
        var detected = PaperChunksReader.Detect(SeedFiles.PathOf(seed));

        detected.Should().Be(new DetectedFormat(format, kind, StreamCompression.Zstd));
        detected.Name.Should().Be(name);
        detected.KindName.Should().Be(kindName);
    }

    [Theory]
    [InlineData(SeedFiles.ChunkLines, "viewer-lines")]
    [InlineData(SeedFiles.ChunkTable, "viewer-table")]
    [InlineData(SeedFiles.ShortScience, "shortscience")]
    public void Detects_plain_seed_copies_whatever_their_extension(string seed, string name)
    {
        using var temp = new TempDirectory();
        var path = SeedFiles.WritePlain(seed, temp.Path);

        PaperChunksReader.Detect(path).Name.Should().Be(name);
    }

    [Fact]
    public void Detects_jsonl_and_its_record_kind_from_the_first_row()
    {
        using var temp = new TempDirectory();
        var chunks = temp.File("rows.data");
        File.WriteAllText(chunks, "{\"doi\":\"1703.04933\",\"chunk-id\":40,\"chunk\":\"a\"}\n");
        var summaries = temp.File("scitldr.jsonl");
        File.WriteAllText(summaries, "{\"source\":[\"a\"],\"source_labels\":[1],\"paper_id\":\"SJzuHiA9tQ\",\"target\":[\"t\"]}\n");
        var other = temp.File("other.jsonl");
        File.WriteAllText(other, "{\"name\":\"alpha\"}\n");

        PaperChunksReader.Detect(chunks).Should().Be(new DetectedFormat(InputFormat.Jsonl, RecordKind.Chunk, StreamCompression.None));
        PaperChunksReader.Detect(summaries).Kind.Should().Be(RecordKind.Summarization);
        PaperChunksReader.Detect(other).Kind.Should().Be(RecordKind.Generic);
    }

    [Fact]
    public void Detects_csv_from_its_extension_and_header()
    {
        using var temp = new TempDirectory();
        var path = temp.File("rows.csv");
        File.WriteAllText(path, "doi,chunk-id,chunk\n1703.04933,40,a\n");

        PaperChunksReader.Detect(path).Should().Be(new DetectedFormat(InputFormat.Csv, RecordKind.Chunk, StreamCompression.None));
    }

    [Fact]
    public void Names_an_input_it_cannot_tell()
    {
        using var temp = new TempDirectory();
        var path = temp.File("notes.txt");
        File.WriteAllText(path, "just some notes\nnothing tabular\n");

        var detect = () => PaperChunksReader.Detect(path);

        detect.Should().Throw<PaperChunksFormatException>().WithMessage(
            "*notes.txt: cannot tell the format from the content or the extension; expected JSON Lines, CSV, Parquet, a dataset-viewer copy or a ShortScience page (name it with --from)");
    }

    [Fact]
    public void Opens_the_reader_that_fits_the_detected_format()
    {
        using var lines = PaperChunksReader.OpenChunks(SeedFiles.PathOf(SeedFiles.ChunkLines));
        using var table = PaperChunksReader.OpenChunks(SeedFiles.PathOf(SeedFiles.ChunkTable));
        using var scitldr = PaperChunksReader.OpenSummarization(SeedFiles.PathOf(SeedFiles.SciTldrLines));
        using var shortScience = PaperChunksReader.OpenPaperSummaries(SeedFiles.PathOf(SeedFiles.ShortScience));
        using var jsonl = PaperChunksReader.OpenChunks(SampleFiles.Chunks000);

        lines.Should().BeOfType<ViewerChunkReader>().Which.ReadAll().Should().HaveCount(100);
        table.Should().BeOfType<ViewerChunkReader>().Which.ReadAll().Should().HaveCount(100);
        scitldr.Should().BeOfType<ViewerSummarizationReader>().Which.ReadAll().Should().HaveCount(100);
        shortScience.Should().BeOfType<ShortScienceReader>().Which.ReadAll().Should().HaveCount(10);
        jsonl.Should().BeOfType<JsonlChunkReader>().Which.ReadAll().Should().HaveCount(100);
    }

    [Fact]
    public void Forced_format_overrides_detection()
    {
        // Read as one-cell-per-line, the pipe table's header breaks at its second line, "stringlengths 10".
        using var reader = PaperChunksReader.OpenChunks(SeedFiles.PathOf(SeedFiles.ChunkTable), null, InputFormat.ViewerLines);

        var read = () => reader.Read();

        read.Should().Throw<PaperChunksFormatException>().Which.Reason.Should().StartWith(
            "expected a dataset-viewer header: a column name, then its type");
    }

    [Fact]
    public void Refuses_a_record_kind_the_format_cannot_hold()
    {
        var open = () => PaperChunksReader.OpenPaperSummaries(SeedFiles.PathOf(SeedFiles.ChunkTable));

        open.Should().Throw<PaperChunksFormatException>().Which.Reason.Should().Be(
            "reading paper-summary rows from viewer-table input is not supported by this build");
    }

    [Theory]
    [InlineData("jsonl.zst", InputFormat.Jsonl)]
    [InlineData("Viewer-Table", InputFormat.ViewerTable)]
    [InlineData("shortscience", InputFormat.ShortScience)]
    public void Parses_format_names(string name, InputFormat format) =>
        PaperChunksReader.ParseFormat(name).Should().Be(format);

    [Fact]
    public void Opens_csv_and_parquet_chunk_files_with_the_same_rows_as_the_jsonl_they_came_from()
    {
        using var temp = new TempDirectory();
        using var source = new JsonlChunkReader(SampleFiles.Chunks000);
        var rows = source.ReadAll().ToList();
        using (var csv = new PaperChunks.Formats.Csv.CsvChunkWriter(temp.File("c.csv")))
        using (var parquet = new PaperChunks.Formats.Parquet.ParquetChunkWriter(temp.File("c.parquet")))
        {
            rows.ForEach(csv.Write);
            rows.ForEach(parquet.Write);
            csv.Complete();
            parquet.Complete();
        }

        foreach (var name in new[] { "c.csv", "c.parquet" })
        {
            using var reader = PaperChunksReader.OpenChunks(temp.File(name));
            reader.ReadAll().Select(r => r.Id).Should().Equal(rows.Select(r => r.Id), name);
        }
    }

    [Fact]
    public void Tells_a_summarization_parquet_file_from_its_schema()
    {
        using var temp = new TempDirectory();
        var path = temp.File("s.parquet");
        using (var writer = new PaperChunks.Formats.Parquet.ParquetSummarizationWriter(path))
        {
            writer.Write(new PaperChunks.Records.SummarizationRecord { Source = ["One.", "Two."], SourceLabels = [0, 1], PaperId = "SkxXCi0qFX", Target = ["tldr"] });
            writer.Complete();
        }

        PaperChunksReader.Detect(path).Should().Be(new DetectedFormat(InputFormat.Parquet, RecordKind.Summarization, PaperChunks.StreamCompression.None));
        using var reader = PaperChunksReader.OpenSummarization(path);
        reader.ReadAll().Single().PaperId.Should().Be("SkxXCi0qFX");
    }

    [Fact]
    public void A_format_error_names_its_file_in_SourceName_and_leaves_Exception_Source_alone()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        File.WriteAllText(path, "{\"doi\": 1}\n");
        using var reader = PaperChunksReader.OpenChunks(path);

        var error = reader.Invoking(r => r.ReadAll().ToList()).Should().Throw<PaperChunksFormatException>().Which;

        error.SourceName.Should().Be(path);
        ((Exception)error).Source.Should().Be("PaperChunks");
    }

    [Fact]
    public void Reads_chunk_rows_from_a_stream_in_the_format_given()
    {
        using var stream = File.OpenRead(SampleFiles.Chunks000);
        using var reader = PaperChunksReader.OpenChunks(stream, new ReaderOptions { SourceName = "sample" });

        reader.ReadAll().Select(r => r.Id).First().Should().Be("1703.04933#40");
    }
}
