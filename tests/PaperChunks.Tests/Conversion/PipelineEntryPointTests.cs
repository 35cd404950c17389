using FluentAssertions;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Records;
using PaperChunks.Reassembly;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Conversion;

/// <summary>The pipelines behind convert, normalize and reassemble, called as a library user calls them.</summary>
public class PipelineEntryPointTests
{
    [Fact]
    public async Task Normalizing_a_flattened_SciTLDR_file_keeps_its_shape_and_reports_the_vocabulary_pass()
    {
        using var temp = new TempDirectory();
        var output = temp.File("scitldr.jsonl");
        var phases = new List<ConvertPhase>();

        var report = await PaperChunksConverter.ConvertAsync(
            [SeedFiles.PathOf(SeedFiles.SciTldrLines)], output, new ConvertOptions { Normalize = NormalizeOptions.Default }, new Recorder(phases));

        report.Rows.Should().Be(100);
        report.Kind.Should().Be(RecordKind.Summarization);
        report.Input!.Name.Should().Be("viewer-lines.zst");
        report.Normalization!.Records.Should().Be(100);
        report.CorpusWords.Should().BeGreaterThan(0);
        phases.First().Should().Be(ConvertPhase.LearningVocabulary);
        phases.Last().Should().Be(ConvertPhase.Converting);
        using var back = PaperChunksReader.OpenSummarization(output);
        back.ReadAll().ToList().Should().HaveCount(100).And.OnlyContain(r => r.Shape == SummarizationShape.Flattened);
    }

    [Fact]
    public async Task Normalizing_into_a_parquet_name_writes_Parquet()
    {
        using var temp = new TempDirectory();
        var output = temp.File("chunks.parquet");

        await PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000], output, new ConvertOptions { Normalize = NormalizeOptions.Default });

        PaperChunksReader.Detect(output).Should().Be(new DetectedFormat(InputFormat.Parquet, RecordKind.Chunk, StreamCompression.None));
    }

    [Fact]
    public async Task A_conversion_report_reads_as_one_line()
    {
        using var temp = new TempDirectory();
        var output = temp.File("chunks.csv");

        var report = await PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000], output);

        report.ToString().Should().MatchRegex(@"^100 chunk rows \(5 papers\) -> .*chunks\.csv \(Csv, [0-9,]+ bytes\), 0 bad rows skipped, [0-9.]+ s$");
    }

    [Fact]
    public async Task Reassembles_the_sample_from_files_and_reports_its_two_gapped_papers()
    {
        using var temp = new TempDirectory();
        var output = temp.File("papers.jsonl");

        var report = await FileReassembler.ReassembleAsync([SampleFiles.Chunks000], output);

        report.Reassembly.Papers.Should().Be(5);
        report.Reassembly.Chunks.Should().Be(100);
        report.Reassembly.Gaps.Select(g => g.Doi).Should().BeEquivalentTo(["1703.04933", "1703.05175"]);
        report.ToString().Should().Be($"{output}: 5 papers from 100 rows; 2 with gaps, 0 repeated chunk ids (0 conflicting), 0 metadata conflicts; 0 bad rows skipped");
        File.ReadLines(output).Should().HaveCount(5);
    }

    [Fact]
    public async Task Reassembly_refuses_an_existing_output_by_default()
    {
        using var temp = new TempDirectory();
        var output = temp.File("papers.parquet");
        await File.WriteAllTextAsync(output, "keep me");

        var act = () => FileReassembler.ReassembleAsync([SampleFiles.Chunks000], output);

        (await act.Should().ThrowAsync<PaperChunksOutputException>()).Which.Reason.Should().Be("the file exists; allow overwriting to replace it");
        (await File.ReadAllTextAsync(output)).Should().Be("keep me");
    }

    [Fact]
    public void A_normalization_report_says_what_it_counted()
    {
        var report = new NormalizationReport();
        new RecordNormalizer(new TextNormalizer()).Normalize(new ChunkRecord { Doi = "1", ChunkId = 0, Chunk = "e\uFB03cient" }, report);

        // The default chunk fields are chunk, title and summary: three texts, the chunk's ligature the one fix.
        report.ToString().Should().Be("1 records, 1 of 3 texts changed by 1 fixes, 0 undecided");
    }

    private sealed class Recorder(List<ConvertPhase> phases) : IProgress<ConvertProgress>
    {
        public void Report(ConvertProgress value) => phases.Add(value.Phase);
    }
}
