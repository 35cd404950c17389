using FluentAssertions;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Parquet;
using Xunit;

namespace PaperChunks.Tests.Conversion;

public class ChunkRowConversionTests
{
    [Fact]
    public async Task Converts_several_inputs_into_one_Parquet_file_in_order()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("second.csv");
        await PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000], csv);
        var output = temp.File("all.parquet");

        var report = await PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000, csv], output);

        report.Rows.Should().Be(200);
        report.Papers.Should().Be(5);
        report.Format.Should().Be(OutputFormat.Parquet);
        report.BytesRead.Should().Be(new FileInfo(SampleFiles.Chunks000).Length + new FileInfo(csv).Length);
        report.BytesWritten.Should().Be(new FileInfo(output).Length);
        using var reader = new ParquetChunkReader(output);
        var ids = reader.ReadAll().Select(r => r.Id).ToList();
        ids.Should().HaveCount(200);
        ids[0].Should().Be("1703.04933#40");
        ids[100].Should().Be("1703.04933#40");
    }

    [Fact]
    public async Task Chains_JSONL_to_CSV_to_Parquet_to_JSONL_byte_for_byte()
    {
        using var temp = new TempDirectory();
        await PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000], temp.File("a.csv.zst"));
        await PaperChunksConverter.ConvertAsync([temp.File("a.csv.zst")], temp.File("b.parquet"));
        await PaperChunksConverter.ConvertAsync([temp.File("b.parquet")], temp.File("c.jsonl"));

        File.ReadAllBytes(temp.File("c.jsonl")).Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
    }

    [Fact]
    public async Task Takes_the_format_from_the_option_over_the_extension()
    {
        using var temp = new TempDirectory();
        var output = temp.File("chunks.data");

        await PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000], output, new ConvertOptions { To = OutputFormat.Csv });

        File.ReadLines(output).First().Should().StartWith("doi,chunk-id,chunk,id,");
    }

    [Fact]
    public async Task Refuses_an_output_whose_format_it_cannot_tell()
    {
        using var temp = new TempDirectory();

        var act = () => PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000], temp.File("chunks.data"));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith("cannot tell the output format from");
    }

    [Fact]
    public async Task Leaves_an_existing_output_untouched_without_overwrite()
    {
        using var temp = new TempDirectory();
        var output = temp.File("chunks.parquet");
        await File.WriteAllTextAsync(output, "keep me");

        var act = () => PaperChunksConverter.ConvertAsync([SampleFiles.Chunks000], output);

        (await act.Should().ThrowAsync<PaperChunksOutputException>()).Which.Reason.Should().Be("the file exists; allow overwriting to replace it");
        (await File.ReadAllTextAsync(output)).Should().Be("keep me");
        Directory.GetFiles(temp.Path).Should().Equal(output);
    }

    [Theory]
    [InlineData("out.parquet")]
    [InlineData("out.csv")]
    [InlineData("out.jsonl.zst")]
    public async Task A_cancelled_conversion_leaves_nothing_and_keeps_the_old_output(string name)
    {
        using var temp = new TempDirectory();
        var input = temp.File("big.jsonl");
        var sample = await File.ReadAllBytesAsync(SampleFiles.Chunks000);
        await using (var file = File.Create(input))
        {
            for (var i = 0; i < 30; i++)
            {
                await file.WriteAsync(sample);
            }
        }

        var output = temp.File(name);
        await File.WriteAllTextAsync(output, "previous run");
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAt(cancellation, rows: 1024);

        var act = () => PaperChunksConverter.ConvertAsync(
            [input], output, new ConvertOptions { Writer = new WriterOptions { Overwrite = true, Parquet = new ParquetWriterOptions { RowGroupRows = 300 } } }, progress, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        progress.Seen.Should().BeGreaterThanOrEqualTo(1024);
        (await File.ReadAllTextAsync(output)).Should().Be("previous run");
        Directory.GetFileSystemEntries(temp.Path).Should().BeEquivalentTo([input, output]);
    }

    [Fact]
    public async Task Skips_bad_rows_when_asked_and_reports_them()
    {
        using var temp = new TempDirectory();
        var input = temp.File("bad.csv");
        await File.WriteAllTextAsync(input, "doi,chunk-id,chunk\n1511.07289,0,a\n1511.07289,x,b\n1511.07289,2,c\n");

        var report = await PaperChunksConverter.ConvertAsync(
            [input], temp.File("out.jsonl"), new ConvertOptions { Reader = new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport } });

        report.Rows.Should().Be(2);
        report.ErrorCount.Should().Be(1);
        report.Errors.Single().Message.Should().Be($"{input}:3:12: field \"chunk-id\": expected an integer, found \"x\"");
    }

    private sealed class CancelAt(CancellationTokenSource cancellation, long rows) : IProgress<ConvertProgress>
    {
        public long Seen { get; private set; }

        public void Report(ConvertProgress value)
        {
            Seen = value.Rows;
            if (value.Rows >= rows)
            {
                cancellation.Cancel();
            }
        }
    }
}
