using FluentAssertions;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Records;

public class SemanticChunkLinksTests
{
    [Theory]
    [InlineData("\"2401.04088#2\"", "2401.04088#2")]
    [InlineData("\"\"", "")]
    [InlineData("\"2401\\u002E04088#\\\"3\\\"\"", "2401.04088#\"3\"")]
    [InlineData("null", null)]
    [InlineData("12", null)]
    [InlineData("\"unterminated", null)]
    public void Reads_a_link_as_its_text_or_null_when_it_is_no_JSON_string(string json, string? expected)
    {
        var record = new ChunkRecord { Doi = "2401.04088", ChunkId = 1, Chunk = "t", ExtraFields = [new ExtraField(SemanticChunkColumns.PrechunkId, json)] };

        SemanticChunkLinks.Of(record, SemanticChunkColumns.PrechunkId).Should().Be(expected);
    }
}
