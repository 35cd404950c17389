using FluentAssertions;
using PaperChunks.Formats.ShortScience;
using PaperChunks.Formats.ViewerText;
using Xunit;

namespace PaperChunks.Tests.Formats;

public class TextRecordReaderTests
{
    [Fact]
    public async Task Await_using_releases_the_input()
    {
        var viewerInput = new DisposalTrackingStream(SeedFiles.Bytes(SeedFiles.ChunkLines));
        var pageInput = new DisposalTrackingStream(SeedFiles.Bytes(SeedFiles.ShortScience));

        await using (var viewer = new ViewerChunkReader(viewerInput))
        await using (var page = new ShortScienceReader(pageInput))
        {
            (await viewer.ReadAsync()).Should().NotBeNull();
            (await page.ReadAsync()).Should().NotBeNull();
        }

        viewerInput.IsDisposed.Should().BeTrue();
        pageInput.IsDisposed.Should().BeTrue();
    }

    [Fact]
    public void Reads_crlf_line_endings_like_lf()
    {
        var crlf = SeedFiles.Text(SeedFiles.ChunkLines).Replace("\n", "\r\n", StringComparison.Ordinal);
        using var reader = new ViewerChunkReader(ViewerText.ViewerSeeds.Stream(crlf));

        reader.ReadAll().Should().Equal(ViewerText.ViewerSeeds.Chunks(SeedFiles.ChunkLines));
    }

    [Fact]
    public void Rejects_a_line_longer_than_the_row_limit_with_its_line()
    {
        // The header lines are short; line 15, the first paper's text, is 30,449 characters.
        using var reader = new ViewerSummarizationReader(
            SeedFiles.PathOf(SeedFiles.SciTldrLines), new ReaderOptions { MaxRowBytes = 1024, SourceName = "003.txt" });

        var read = () => reader.Read();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "003.txt:15: expected a line of at most 1024 characters (ReaderOptions.MaxRowBytes), found a longer one");
    }

    private sealed class DisposalTrackingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
