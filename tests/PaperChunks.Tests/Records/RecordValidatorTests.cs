using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Records;

public class RecordValidatorTests
{
    private static readonly ChunkRecord Valid = new()
    {
        Doi = "1703.04933",
        ChunkId = 40,
        Chunk = "text",
        Id = "1703.04933#40",
        Source = "http://arxiv.org/pdf/1703.04933",
        Published = "20170315",
        Updated = "20170515",
    };

    [Fact]
    public void Finds_no_violation_in_any_seed_row()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);

        reader.ReadAll().SelectMany(RecordValidator.Validate).Should().BeEmpty();
    }

    [Fact]
    public void Names_an_id_that_is_not_doi_hash_chunk_id()
    {
        RecordValidator.Validate(Valid with { Id = "1703.04933#41" }).Select(v => v.ToString()).Should().Equal(
            "field \"id\": expected \"1703.04933#40\" (doi#chunk-id), found \"1703.04933#41\"");
    }

    [Fact]
    public void Names_a_negative_chunk_id_a_foreign_source_and_bad_dates()
    {
        var record = Valid with { ChunkId = -1, Id = "1703.04933#-1", Source = "http://arxiv.org/pdf/1703.05175", Published = "15/03/2017", Updated = "20170230" };

        RecordValidator.Validate(record).Select(v => v.ToString()).Should().Equal(
            "field \"chunk-id\": expected a chunk index of 0 or more, found -1",
            "field \"source\": expected \"http://arxiv.org/pdf/1703.04933\", found \"http://arxiv.org/pdf/1703.05175\"",
            "field \"published\": expected a YYYYMMDD or ISO 8601 date, found \"15/03/2017\"",
            "field \"updated\": expected a YYYYMMDD or ISO 8601 date, found \"20170230\"");
    }

    [Theory]
    [InlineData("http://arxiv.org/pdf/1703.04933v2")]
    [InlineData("https://arxiv.org/pdf/1703.04933")]
    [InlineData("http://arxiv.org/pdf/1703.04933.pdf")]
    public void Accepts_versioned_and_https_sources(string source)
    {
        RecordValidator.Validate(Valid with { Source = source }).Should().BeEmpty();
    }

    [Fact]
    public void Names_an_update_before_publication()
    {
        RecordValidator.Validate(Valid with { Updated = "20170101" }).Select(v => v.ToString()).Should().Equal(
            "field \"updated\": expected a date on or after published (20170315), found 20170101");
    }

    [Fact]
    public void Checks_labels_are_binary_and_one_per_sentence_in_the_list_shape()
    {
        var record = new SummarizationRecord { Source = ["One.", "Two."], SourceLabels = [0, 2, 1], PaperId = "SkxXCi0qFX", Target = ["tldr"] };

        RecordValidator.Validate(record).Select(v => v.ToString()).Should().Equal(
            "field \"source_labels\": expected only 0 or 1, found 2 at index 1",
            "field \"source_labels\": expected one label per source sentence (2), found 3");
    }

    [Fact]
    public void Does_not_count_sentences_in_the_flattened_shape()
    {
        var record = new SummarizationRecord { Source = ["One. Two. Three."], SourceLabels = [0, 1], PaperId = "p", Target = ["t"], Shape = SummarizationShape.Flattened };

        RecordValidator.Validate(record).Should().BeEmpty();
    }
}
