using FluentAssertions;
using PaperChunks.Formats;
using Xunit;

namespace PaperChunks.Tests.Formats;

public class AtomicOutputFileTests
{
    [Fact]
    public void Flushes_in_the_background_while_writing_and_commits_every_byte_in_order()
    {
        using var temp = new TempDirectory();
        var target = temp.File("papers.jsonl");
        var expected = new MemoryStream();
        using (var file = AtomicOutputFile.Create(target, overwrite: false, writebackBytes: 1, writebackInterval: TimeSpan.FromMilliseconds(1)))
        {
            for (var i = 0; i < 40; i++)
            {
                var line = System.Text.Encoding.UTF8.GetBytes($"{{\"line\": {i}, \"text\": \"{new string((char)('a' + (i % 26)), 5000)}\"}}\n");
                file.Stream.Write(line);
                file.Stream.Flush();
                expected.Write(line);
                Thread.Sleep(5);
            }

            // Waited for, not asserted at once: on a loaded machine the background task may not have run yet.
            SpinWait.SpinUntil(() => file.Writebacks > 0, TimeSpan.FromSeconds(10)).Should().BeTrue("the background task flushes before the file is committed");
            File.Exists(target).Should().BeFalse();
            file.Commit();
        }

        File.ReadAllBytes(target).Should().Equal(expected.ToArray());
        Directory.EnumerateFiles(temp.Path).Should().Equal(target);
    }

    [Fact]
    public void Leaves_the_previous_file_and_no_temporary_file_when_dropped_after_background_flushes()
    {
        using var temp = new TempDirectory();
        var target = temp.File("papers.jsonl");
        File.WriteAllText(target, "previous\n");
        using (var file = AtomicOutputFile.Create(target, overwrite: true, writebackBytes: 1, writebackInterval: TimeSpan.FromMilliseconds(1)))
        {
            file.Stream.Write(new byte[100_000]);
            file.Stream.Flush();
            SpinWait.SpinUntil(() => file.Writebacks > 0, TimeSpan.FromSeconds(10)).Should().BeTrue();
        }

        File.ReadAllText(target).Should().Be("previous\n");
        Directory.EnumerateFiles(temp.Path).Should().Equal(target);
    }
}
