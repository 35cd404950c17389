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

    [Fact]
    public void Rejects_bytes_that_are_not_utf8_with_their_line_and_column()
    {
        // Line 63 of seed 000 is the first row's title; write its "S" as a lone Latin-1 byte 0xD7.
        var bytes = SeedFiles.Bytes(SeedFiles.ChunkLines);
        var at = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', ViewerText.ViewerSeeds.Lines(SeedFiles.ChunkLines)[..62]) + "\n").Length;
        bytes[at].Should().Be((byte)'S');
        bytes[at] = 0xD7;
        using var reader = new ViewerChunkReader(new MemoryStream(bytes), new ReaderOptions { SourceName = "000.txt", ErrorPolicy = ErrorPolicy.SkipAndReport });

        var read = () => reader.ReadAll().ToList();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "000.txt:63:1: expected UTF-8 text, found bytes that are not UTF-8 (is the file in another encoding?)");
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
