using System.Diagnostics;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>A write that fails (full disk, cancellation) leaves the previous output as it was and no temporary file.</summary>
public class OutputFaultTests
{
    private static List<ChunkRecord> SampleRows()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
        return reader.ReadAll().ToList();
    }

    [Fact]
    public void A_stream_that_fails_mid_write_gives_an_output_error()
    {
        using var writer = new JsonlChunkWriter(new FailingStream(failAfterBytes: 100_000));

        var act = () =>
        {
            foreach (var row in Enumerable.Repeat(SampleRows(), 10).SelectMany(r => r))
            {
                writer.Write(row);
            }

            writer.Complete();
        };

        act.Should().Throw<PaperChunksOutputException>().WithMessage("<stream>: cannot write the output: No space left on device");
    }

    [Fact]
    public async Task Cancelling_mid_write_leaves_the_previous_file_and_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        await File.WriteAllTextAsync(path, "previous");
        using var cancel = new CancellationTokenSource();
        var rows = SampleRows();

        var act = async () =>
        {
            await using var writer = new JsonlChunkWriter(path, new WriterOptions { Overwrite = true });
            await writer.WriteAllAsync(Cancelling(Enumerable.Repeat(rows, 100).SelectMany(r => r), cancel, after: 5000), cancel.Token);
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await File.ReadAllTextAsync(path)).Should().Be("previous");
        Directory.GetFiles(temp.Path).Should().Equal(path);
    }

    [SkippableFact]
    public void A_full_disk_leaves_the_previous_file_and_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var mount = temp.File("tiny");
        Directory.CreateDirectory(mount);
        MountTmpfsOrSkip(mount, "256k");

        try
        {
            var path = Path.Combine(mount, "out.jsonl");
            File.WriteAllText(path, "previous");
            var rows = SampleRows();

            var act = () =>
            {
                using var writer = new JsonlChunkWriter(path, new WriterOptions { Overwrite = true });
                foreach (var row in Enumerable.Repeat(rows, 20).SelectMany(r => r))
                {
                    writer.Write(row);
                }

                writer.Complete();
            };

            act.Should().Throw<PaperChunksOutputException>()
                .WithMessage($"{path}: cannot write the output: No space left on device*; nothing was written there and any previous file is untouched");
            File.ReadAllText(path).Should().Be("previous");
            Directory.GetFiles(mount).Should().Equal(path);
        }
        finally
        {
            Process.Start("umount", mount).WaitForExit();
        }
    }

    private static async IAsyncEnumerable<ChunkRecord> Cancelling(IEnumerable<ChunkRecord> rows, CancellationTokenSource cancel, int after)
    {
        var n = 0;
        foreach (var row in rows)
        {
            if (++n == after)
            {
                await cancel.CancelAsync();
            }

            yield return row;
        }
    }

    /// <summary>
    /// Mounts a tmpfs of <paramref name="size"/> on <paramref name="folder"/> for a full-disk test, or skips the test
    /// where that cannot be done (mounting needs root). CI runs as root, so there the real test must run.
    /// </summary>
    internal static void MountTmpfsOrSkip(string folder, string size)
    {
        if (TryMountTmpfs(folder, size))
        {
            return;
        }

        Environment.GetEnvironmentVariable("CI").Should().NotBe("true", "CI must run the real full-disk test");
        throw new SkipException($"mounting a {size} tmpfs failed: it needs root (or CAP_SYS_ADMIN)");
    }

    internal static bool TryMountTmpfs(string folder, string size)
    {
        try
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder])
            {
                RedirectStandardError = true,
            })!;
            mount.WaitForExit();
            return mount.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private sealed class FailingStream(long failAfterBytes) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > failAfterBytes)
            {
                throw new IOException("No space left on device");
            }

            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    }
}
