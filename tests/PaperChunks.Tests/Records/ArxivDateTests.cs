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
    [InlineData("2017-03-15T")]
    [InlineData("15.03.2017")]
    public void Gives_null_for_anything_but_a_valid_yyyymmdd_or_iso_date(string? raw)
    {
        ArxivDate.Parse(raw).Should().BeNull();
    }

    [Theory]
    [InlineData("2017-03-15")]
    [InlineData("2017-03-15T09:30:00Z")]
    [InlineData("2017-03-15T23:30:00-05:00")]
    [InlineData("2017-03-15T09:30:00.123456")]
    public void Reads_iso_dates_as_the_date_written(string raw)
    {
        ArxivDate.Parse(raw).Should().Be(new DateOnly(2017, 3, 15));
    }
}
