using System.Text.Json;
using FluentAssertions;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

public class ParquetSummarizationTests
{
    [Fact]
    public void Round_trips_the_SciTLDR_seed_rows_in_the_flattened_shape()
    {
        var records = SeedRows();
        using var file = new MemoryStream();

        Write(file, records, SummarizationShape.Flattened);
        file.Position = 0;
        using var reader = new ParquetSummarizationReader(file);
        var back = reader.ReadAll().ToList();

        back.Should().Equal(records);
        back[0].PaperId.Should().Be("SJzuHiA9tQ");
        back[0].Target.Should().Equal("Generative Adversarial Network Training is a Continual Learning Problem.");
        back[0].SourceLabels[0].Should().Be(1);
        back[0].Source[0].Should().StartWith("Generative Adversarial Networks (GANs) have proven to be a powerful framework");
    }

    [Fact]
    public void Round_trips_the_list_shape_with_titles_and_rouge_scores()
    {
        var record = new SummarizationRecord
        {
            Source = ["We propose a method.", "It works."],
            SourceLabels = [1, 0],
            RougeScores = [0.5, 0.125],
            PaperId = "SJzuHiA9tQ",
            Title = "A title",
            Target = ["First TLDR.", "Second TLDR."],
        };
        var noScores = record with { PaperId = "B1x", RougeScores = null, Title = null, Target = [] };
        using var file = new MemoryStream();

        Write(file, [record, noScores], SummarizationShape.List);
        file.Position = 0;
        using var reader = new ParquetSummarizationReader(file);

        reader.ReadAll().Should().Equal(record, noScores);
    }

    [Fact]
    public void Arrow_sees_list_columns_in_the_list_shape()
    {
        using var temp = new TempDirectory();
        var path = temp.File("scitldr.parquet");
        using (var writer = new ParquetSummarizationWriter(path))
        {
            writer.Write(new SummarizationRecord { Source = ["a", "b"], SourceLabels = [0, 1], PaperId = "p", Target = ["t"] });
            writer.Complete();
        }

        using var file = new ParquetSharp.ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        Enumerable.Range(0, schema.NumColumns).Select(i => $"{schema.Column(i).Path.ToDotString()} {schema.Column(i).PhysicalType}")
            .Should().Equal(
                "source.list.element ByteArray", "source_labels.list.element Int64", "rouge_scores.list.element Double",
                "paper_id ByteArray", "title ByteArray", "target.list.element ByteArray");
    }

    private static void Write(Stream file, IEnumerable<SummarizationRecord> records, SummarizationShape shape)
    {
        using var writer = new ParquetSummarizationWriter(file, shape, new ParquetWriterOptions { RowGroupRows = 30 });
        foreach (var record in records)
        {
            writer.Write(record);
        }

        writer.Complete();
    }

    // Seed 003: a 14-line header, then 100 rows of 4 lines (source, source_labels, paper_id, target).
    private static List<SummarizationRecord> SeedRows()
    {
        var lines = SeedFiles.Text(SeedFiles.SciTldrLines).Split('\n');
        var rows = new List<SummarizationRecord>();
        for (var i = 14; i + 3 < lines.Length && rows.Count < 100; i += 4)
        {
            rows.Add(new SummarizationRecord
            {
                Source = [lines[i]],
                SourceLabels = JsonSerializer.Deserialize<int[]>(lines[i + 1])!,
                PaperId = lines[i + 2],
                Target = [lines[i + 3]],
                Shape = SummarizationShape.Flattened,
            });
        }

        rows.Should().HaveCount(100);
        return rows;
    }
}
