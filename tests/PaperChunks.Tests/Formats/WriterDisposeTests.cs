using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// The dispose rule: disposing completes the output unless a write failed, the writer was cancelled or
/// <see cref="RecordWriter{T}.Abort"/> was called; then the output is discarded and an old file kept.
/// </summary>
public class WriterDisposeTests
{
    private static readonly ChunkRecord First = new() { Doi = "1703.04933", ChunkId = 0, Chunk = "first" };
    private static readonly ChunkRecord Second = new() { Doi = "1703.04933", ChunkId = 1, Chunk = "second" };

    public static TheoryData<string> Names => ["out.jsonl", "out.jsonl.zst", "out.csv", "out.parquet"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Dispose_without_complete_commits_what_was_written(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        using (var writer = Open(path))
        {
            writer.Write(First);
            writer.Write(Second);
        }

        Read(path).Select(r => r.Chunk).Should().Equal("first", "second");
        Directory.GetFileSystemEntries(temp.Path).Should().Equal(path);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Asynchronous_dispose_without_complete_commits_what_was_written(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        await using (var writer = Open(path))
        {
            await writer.WriteAsync(First);
        }

        Read(path).Select(r => r.Chunk).Should().Equal("first");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Dispose_after_a_failed_write_discards_the_output_and_keeps_the_old_file(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        File.WriteAllText(path, "previous");
        using (var writer = Open(path, overwrite: true))
        {
            writer.Write(First);
            var bad = () => writer.Write(Second with { Chunk = "\ud800" });
            bad.Should().Throw<PaperChunksOutputException>();
            writer.IsDiscarded.Should().BeFalse();
        }

        File.ReadAllText(path).Should().Be("previous");
        Directory.GetFileSystemEntries(temp.Path).Should().Equal(path);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Dispose_after_the_write_token_was_cancelled_discards_the_output(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        using var cancellation = new CancellationTokenSource();
        var writer = Open(path);
        await using (writer)
        {
            await writer.WriteAsync(First, cancellation.Token);
            await cancellation.CancelAsync();
        }

        writer.IsDiscarded.Should().BeTrue();
        Directory.GetFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void Abort_discards_at_once_and_the_writer_then_refuses_writes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        using var writer = new JsonlChunkWriter(path);
        writer.Write(First);

        writer.Abort();

        writer.IsDiscarded.Should().BeTrue();
        Directory.GetFileSystemEntries(temp.Path).Should().BeEmpty();
        var write = () => writer.Write(Second);
        write.Should().Throw<ObjectDisposedException>();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WriteAll_writes_a_sequence_and_completes(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        using var writer = Open(path);

        writer.WriteAll([First, Second]);

        writer.IsCompleted.Should().BeTrue();
        Read(path).Select(r => r.Chunk).Should().Equal("first", "second");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WriteAll_discards_the_output_when_the_sequence_throws(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        File.WriteAllText(path, "previous");
        using var writer = Open(path, overwrite: true);

        var write = () => writer.WriteAll(Failing());

        write.Should().Throw<InvalidDataException>().WithMessage("row 2 is bad");
        writer.IsDiscarded.Should().BeTrue();
        File.ReadAllText(path).Should().Be("previous");
        Directory.GetFileSystemEntries(temp.Path).Should().Equal(path);
    }

    [Fact]
    public async Task WriteAllAsync_takes_a_plain_sequence_too()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.parquet");
        await using var writer = new ParquetChunkWriter(path);

        await writer.WriteAllAsync(new List<ChunkRecord> { First, Second });

        Read(path).Select(r => r.Chunk).Should().Equal("first", "second");
    }

    private static IEnumerable<ChunkRecord> Failing()
    {
        yield return First;
        throw new InvalidDataException("row 2 is bad");
    }

    private static RecordWriter<ChunkRecord> Open(string path, bool overwrite = false)
    {
        var options = new WriterOptions { Overwrite = overwrite };
        return path.EndsWith(".csv", StringComparison.Ordinal) ? new CsvChunkWriter(path, null, options)
            : path.EndsWith(".parquet", StringComparison.Ordinal) ? new ParquetChunkWriter(path, null, options)
            : new JsonlChunkWriter(path, options);
    }

    private static List<ChunkRecord> Read(string path)
    {
        using var reader = PaperChunksReader.OpenChunks(path);
        return [.. reader.ReadAll()];
    }
}
