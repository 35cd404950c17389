using FluentAssertions;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Records;

public class ArxivDateTests
{
    [Fact]
    public void Parses_the_dumps_yyyymmdd_dates()
    {
        ArxivDate.Parse("20170315").Should().Be(new DateOnly(2017, 3, 15));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2017031")]
    [InlineData("20171315")]
    [InlineData("2017-03-15")]
    public void Gives_null_for_anything_but_a_valid_yyyymmdd(string? raw)
    {
        ArxivDate.Parse(raw).Should().BeNull();
    }
}
