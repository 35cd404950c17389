using System.Globalization;
using System.IO.Compression;
using System.Text;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Tests.Cli;
using Xunit;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// gzip and zstd inputs end where their format says they end: a file cut anywhere, a trailer that disagrees
/// with the data, or bytes after the last member are located errors; every member of a multi-member file is read.
/// </summary>
public class CompressedInputTests
{
    // The sample's own facts, from Python's zlib.crc32 and len over Fixtures/samples/chunks-000.jsonl.
    private const uint SampleCrc = 0x7EE373B0;
    private const int SampleBytes = 243_453;
    private const int FirstFiftyLinesBytes = 122_194;

    [Fact]
    public void A_gzip_file_cut_at_a_flush_point_is_a_truncation_error_naming_the_byte()
    {
        using var temp = new TempDirectory();
        var sample = File.ReadAllBytes(SampleFiles.Chunks000);
        var cut = GzipCutAtFlush(sample, FirstFiftyLinesBytes);
        var path = temp.File("cut.jsonl.gz");
        File.WriteAllBytes(path, cut);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte {N(cut.Length)}: the file ends inside the compressed data of the gzip member that starts at byte 0 "
            + "(122,194 bytes decompressed from it): the file is truncated");
    }

    [Fact]
    public async Task Validate_reports_a_gzip_file_holding_only_a_header_instead_of_0_rows_clean()
    {
        using var temp = new TempDirectory();
        var path = temp.File("head.jsonl.gz");
        // What `gzip` writes before any data: magic, deflate, FNAME flag, mtime, xfl, os, then the name.
        var header = new byte[] { 0x1F, 0x8B, 0x08, 0x08, 0, 0, 0, 0, 0, 0x03 }.Concat(Encoding.ASCII.GetBytes("chunks-000.jsonl-copy.jsonl\0")).ToArray();
        File.WriteAllBytes(path, header[..33]);

        var (exit, output, _) = await CliRun.RunAsync("validate", path);

        exit.Should().Be(1);
        output.Should().Be(
            $"{path}: byte 33: the file ends inside the header of the gzip member that starts at byte 0: the file is truncated\n"
            + "0 rows, 1 problems\n");
    }

    [Fact]
    public void A_gzip_header_without_deflate_data_is_a_truncation_error()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bare.jsonl.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte 10: the file ends inside the compressed data of the gzip member that starts at byte 0 (0 bytes decompressed from it): the file is truncated");
    }

    [Fact]
    public void A_gzip_trailer_with_a_wrong_crc_is_a_crc_error_not_an_unsupported_method()
    {
        using var temp = new TempDirectory();
        var gz = Gzip(File.ReadAllBytes(SampleFiles.Chunks000));
        gz.AsSpan(gz.Length - 8, 4).Clear();
        var path = temp.File("crc.jsonl.gz");
        File.WriteAllBytes(path, gz);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte {N(gz.Length - 8)}: the CRC-32 check of the gzip member that starts at byte 0 fails: "
            + $"the trailer says 00000000, the data gives {SampleCrc:X8}: the file is damaged");
    }

    [Fact]
    public void A_gzip_trailer_with_a_wrong_length_is_an_isize_error()
    {
        using var temp = new TempDirectory();
        var gz = Gzip(File.ReadAllBytes(SampleFiles.Chunks000));
        gz.AsSpan(gz.Length - 4, 4).Clear();
        var path = temp.File("isize.jsonl.gz");
        File.WriteAllBytes(path, gz);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte {N(gz.Length - 4)}: the gzip member that starts at byte 0 gives {N(SampleBytes)} bytes but its trailer says 0 "
            + "(the length check, ISIZE, fails): the file is damaged");
    }

    [Fact]
    public void A_gzip_file_missing_the_last_trailer_byte_is_an_error()
    {
        using var temp = new TempDirectory();
        var gz = Gzip(File.ReadAllBytes(SampleFiles.Chunks000));
        var path = temp.File("short.jsonl.gz");
        File.WriteAllBytes(path, gz[..^1]);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte *: the gzip member that starts at byte 0 has no trailer matching its data (CRC-32 {SampleCrc:X8}, {N(SampleBytes)} bytes) "
            + "after its compressed data: the file is truncated or damaged");
    }

    [Fact]
    public void Reads_every_member_of_a_multi_member_gzip_file()
    {
        using var temp = new TempDirectory();
        var sample = File.ReadAllBytes(SampleFiles.Chunks000);
        var path = temp.File("two.jsonl.gz");
        File.WriteAllBytes(path, [.. Gzip(sample), .. Gzip(sample), 0, 0, 0, 0]);

        var records = ReadAll(path);

        records.Should().HaveCount(200);
        records[100].Should().Be(records[0]);
        records[199].Should().Be(records[99]);
    }

    [Fact]
    public void A_damaged_second_member_header_is_an_error_not_the_end_of_the_data()
    {
        using var temp = new TempDirectory();
        var sample = File.ReadAllBytes(SampleFiles.Chunks000);
        var first = Gzip(sample);
        var second = Gzip(sample);
        second[1] = 0x8C;
        var path = temp.File("two.jsonl.gz");
        File.WriteAllBytes(path, [.. first, .. second]);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte {N(first.Length)}: after the gzip member that starts at byte 0 come bytes that are not a gzip member "
            + "(found 1F 8C 08 00, expected 1F 8B or the end of the file): the file is damaged");
    }

    [Fact]
    public void A_cut_second_member_is_a_truncation_error_naming_where_it_starts()
    {
        using var temp = new TempDirectory();
        var sample = File.ReadAllBytes(SampleFiles.Chunks000);
        var first = Gzip(sample);
        var path = temp.File("two.jsonl.gz");
        File.WriteAllBytes(path, [.. first, .. GzipCutAtFlush(sample, FirstFiftyLinesBytes)]);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte *: the file ends inside the compressed data of the gzip member that starts at byte {N(first.Length)} "
            + "(122,194 bytes decompressed from it): the file is truncated");
    }

    [Fact]
    public void Damaged_deflate_data_is_named_as_such()
    {
        using var temp = new TempDirectory();
        var gz = Gzip(File.ReadAllBytes(SampleFiles.Chunks000));
        gz.AsSpan(200, 64).Fill(0xFF);
        var path = temp.File("bad.jsonl.gz");
        File.WriteAllBytes(path, gz);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte *: the compressed data of the gzip member that starts at byte 0 is damaged after * decompressed bytes (not valid deflate data)");
    }

    [Fact]
    public void A_zstd_file_missing_its_end_is_a_truncation_error()
    {
        using var temp = new TempDirectory();
        var zst = Zstd(File.ReadAllBytes(SampleFiles.Chunks000), windowLog: null);
        var path = temp.File("cut.jsonl.zst");
        File.WriteAllBytes(path, zst[..^3]);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte *: the file ends inside a zstd frame after * decompressed bytes: the file is truncated");
    }

    [Fact]
    public void A_zstd_frame_that_needs_a_large_window_says_so()
    {
        using var temp = new TempDirectory();
        var zst = Zstd(File.ReadAllBytes(SampleFiles.Chunks000), windowLog: 30);
        var path = temp.File("wide.jsonl.zst");
        File.WriteAllBytes(path, zst);

        var act = () => ReadAll(path);

        act.Should().Throw<PaperChunksFormatException>().WithMessage(
            $"{path}: byte *: the zstd frame needs a decoding window larger than 128 MiB (it was compressed with --long or --ultra); "
            + "this reader allows up to 128 MiB: recompress with a smaller window (zstd without --long)");
    }

    [Fact]
    public void Reads_every_frame_of_a_multi_frame_zstd_file()
    {
        using var temp = new TempDirectory();
        var sample = File.ReadAllBytes(SampleFiles.Chunks000);
        var path = temp.File("two.jsonl.zst");
        File.WriteAllBytes(path, [.. Zstd(sample, null), .. Zstd(sample, null)]);

        ReadAll(path).Should().HaveCount(200);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static List<PaperChunks.Records.ChunkRecord> ReadAll(string path)
    {
        using var reader = new JsonlChunkReader(path);
        return reader.ReadAll().ToList();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }

    /// <summary>The bytes a gzip writer has put out after a sync flush at <paramref name="at"/>: complete deflate blocks, no trailer.</summary>
    private static byte[] GzipCutAtFlush(byte[] data, int at)
    {
        using var memory = new MemoryStream();
        using var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true);
        gzip.Write(data, 0, at);
        gzip.Flush();
        return memory.ToArray();
    }

    private static byte[] Zstd(byte[] data, int? windowLog)
    {
        using var memory = new MemoryStream();
        using (var zstd = new CompressionStream(memory, 3, leaveOpen: true))
        {
            if (windowLog is { } log)
            {
                zstd.SetParameter(ZSTD_cParameter.ZSTD_c_windowLog, log);
            }

            zstd.Write(data);
        }

        return memory.ToArray();
    }
}
