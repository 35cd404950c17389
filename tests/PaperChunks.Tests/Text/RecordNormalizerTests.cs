using FluentAssertions;
using PaperChunks.Records;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

public sealed class RecordNormalizerTests
{
    private static readonly ChunkRecord s_record = new()
    {
        Doi = "1511.06807", ChunkId = 2, Id = "1511.06807#2",
        Chunk = "This is then âï¬ne-tunedâ on a smaller dataset",
        Title = "Adding Gradient Noise Improves Learning for Very Deep Networks",
        Summary = "clean abstract",
        Authors = ["Arvind Neelakantan", "Łukasz Kaiser"],
        ExtraFields = [new ExtraField("note", "\"a ﬁle\""), new ExtraField("pages", "12")],
    };

    [Fact]
    public void Repairs_the_default_fields_and_reports_them()
    {
        var report = new NormalizationReport();

        var result = new RecordNormalizer(new TextNormalizer()).Normalize(s_record, report);

        result.Chunk.Should().Be("This is then “fine-tuned” on a smaller dataset");
        result.Title.Should().BeSameAs(s_record.Title);
        result.ExtraFields.Should().BeSameAs(s_record.ExtraFields);
        report.Records.Should().Be(1);
        report.Texts.Should().Be(3);
        report.ChangedTexts.Should().Be(1);
        report.FixesOf(RepairKind.LossyMojibake).Should().Be(3);
        report.Examples.Should().HaveCount(3).And.OnlyContain(e => e.RecordId == "1511.06807#2" && e.Field == "chunk");
    }

    [Fact]
    public void Returns_the_same_record_when_nothing_changed()
    {
        var clean = s_record with { Chunk = "This is then fine-tuned." };

        new RecordNormalizer(new TextNormalizer()).Normalize(clean).Should().BeSameAs(clean);
    }

    [Fact]
    public void Repairs_named_extra_fields_that_hold_strings()
    {
        var result = new RecordNormalizer(new TextNormalizer(), ["note", "pages"]).Normalize(s_record);

        result.ExtraFields.Should().Equal(new ExtraField("note", "\"a file\""), new ExtraField("pages", "12"));
        result.Chunk.Should().BeSameAs(s_record.Chunk);
    }

    [Fact]
    public void Writes_a_repaired_extra_field_with_html_characters_and_letters_unescaped()
    {
        var record = s_record with { ExtraFields = [new ExtraField("note", "\"a ﬁle <é> & \\\"q\\\" 1\u00A0%\"")] };

        var result = new RecordNormalizer(new TextNormalizer(), ["note"]).Normalize(record);

        result.ExtraFields.Should().Equal(new ExtraField("note", "\"a file <é> & \\\"q\\\" 1\\u00A0%\""));
    }

    [Fact]
    public void Repairs_summarization_sentences_element_by_element()
    {
        var record = new SummarizationRecord
        {
            PaperId = "SkxXCi0qFX",
            Source = ["We study ï¬rst-order methods.", "Clean."],
            Target = ["A TLDR."],
        };

        var result = new RecordNormalizer(new TextNormalizer()).Normalize(record);

        result.Source.Should().Equal("We study first-order methods.", "Clean.");
        result.Target.Should().BeSameAs(record.Target);
    }

    [Fact]
    public void Normalizes_the_same_way_from_many_threads()
    {
        var text = SeedFiles.Text(SeedFiles.ChunkTable);
        var pieces = Enumerable.Range(0, 40).Select(i => text.Substring(i * 6000, 6000)).ToArray();
        var normalizer = new TextNormalizer();
        var expected = pieces.Select(p => normalizer.Normalize(p).Text).ToArray();

        var actual = new string[pieces.Length];
        Parallel.For(0, pieces.Length * 4, i => actual[i % pieces.Length] = normalizer.Normalize(pieces[i % pieces.Length]).Text);

        actual.Should().Equal(expected);
    }
}
