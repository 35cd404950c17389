using System.Diagnostics;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Reassembly;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>What an output path may be: a device or FIFO is streamed into, a link followed, an input refused, a long name written.</summary>
public class OutputPathTests
{
    private static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    [Fact]
    public async Task Reassemble_refuses_to_write_over_its_own_input_and_leaves_it_intact()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus.jsonl");
        File.Copy(SampleFiles.Chunks000, corpus);

        var (exit, _, error) = await CliRun.RunAsync("reassemble", corpus, "-o", corpus);

        exit.Should().Be(1);
        error.Should().Contain($"{corpus}: is also an input of this run; write to another path");
        File.ReadAllBytes(corpus).Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
        Directory.GetFileSystemEntries(temp.Path).Should().Equal(corpus);
    }

    [Fact]
    public async Task Normalize_refuses_an_output_that_is_its_input_through_a_symlink()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus.jsonl");
        File.Copy(SampleFiles.Chunks000, corpus);
        var link = temp.File("link.jsonl");
        File.CreateSymbolicLink(link, corpus);

        var (exit, _, error) = await CliRun.RunAsync("normalize", corpus, "-o", link);

        exit.Should().Be(1);
        error.Should().Contain($"{link}: is also an input of this run; write to another path");
        File.ReadAllBytes(corpus).Should().Equal(File.ReadAllBytes(SampleFiles.Chunks000));
    }

    [Fact]
    public void Writing_through_a_symlink_replaces_the_file_it_names_and_keeps_the_link()
    {
        using var temp = new TempDirectory();
        var target = temp.File("target.jsonl");
        File.WriteAllText(target, "previous\n");
        var link = temp.File("link.jsonl");
        File.CreateSymbolicLink(link, target);

        using (var file = AtomicOutputFile.Create(link, overwrite: true))
        {
            file.Stream.Write("new\n"u8);
            file.Commit();
        }

        new FileInfo(link).LinkTarget.Should().Be(target);
        File.ReadAllText(target).Should().Be("new\n");
        Directory.GetFileSystemEntries(temp.Path).Order().Should().Equal(link, target);
    }

    [SkippableFact]
    public async Task Writing_to_a_fifo_streams_into_it_and_leaves_it_a_fifo()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no FIFOs");

        using var temp = new TempDirectory();
        var fifo = temp.File("pipe");
        Run("mkfifo", fifo);
        var reading = Task.Run(() => File.ReadAllText(fifo));

        using (var file = AtomicOutputFile.Create(fifo, overwrite: true))
        {
            file.Stream.Write("{\"a\":1}\n"u8);
            file.Commit();
        }

        (await reading).Should().Be("{\"a\":1}\n");
        Run("stat", "-c", "%F", fifo).Should().Be("fifo\n");
        Directory.GetFileSystemEntries(temp.Path).Should().Equal(fifo);
    }

    [SkippableFact]
    public void Overwriting_a_character_device_writes_into_it_and_leaves_it_a_device()
    {
        // mknod needs root; as another user the rename could not replace the node anyway.
        Skip.IfNot(IsRoot, "mknod needs root");

        using var temp = new TempDirectory();
        var device = temp.File("null");
        Run("mknod", device, "c", "1", "3");

        using (var file = AtomicOutputFile.Create(device, overwrite: true))
        {
            file.Stream.Write("{\"a\":1}\n"u8);
            file.Commit();
        }

        Run("stat", "-c", "%F", device).Should().Be("character special file\n");
        Directory.GetFileSystemEntries(temp.Path).Should().Equal(device);
    }

    [Fact]
    public void Removes_a_temporary_file_left_by_an_ended_process_and_keeps_one_of_a_running_process()
    {
        using var temp = new TempDirectory();
        int ended;
        using (var process = Process.Start(new ProcessStartInfo("true"))!)
        {
            process.WaitForExit();
            ended = process.Id;
        }

        var stale = temp.File($".out.jsonl~pc{ended}-0000abcd.tmp");
        var live = temp.File(".out.jsonl~pc1-0000abcd.tmp");
        var other = temp.File($".other.jsonl~pc{ended}-0000abcd.tmp");
        foreach (var path in new[] { stale, live, other })
        {
            File.WriteAllText(path, "left behind");
        }

        using (var file = AtomicOutputFile.Create(temp.File("out.jsonl"), overwrite: true))
        {
            file.Commit();
        }

        Directory.GetFiles(temp.Path).Should().BeEquivalentTo(live, other, temp.File("out.jsonl"));
    }

    [Fact]
    public void Writes_an_output_whose_name_is_the_longest_the_file_system_allows()
    {
        using var temp = new TempDirectory();
        var path = temp.File(new string('p', 249) + ".jsonl");

        using (var writer = new JsonlChunkWriter(path))
        {
            writer.Write(new ChunkRecord { Doi = "2101.00001", ChunkId = 0, Chunk = "text" });
            writer.Complete();
        }

        File.ReadAllText(path).Should().StartWith("{\"doi\":\"2101.00001\"");
        Directory.GetFiles(temp.Path).Should().Equal(path);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_sort_spills_into_a_folder_only_its_owner_can_read()
    {
        using var temp = new TempDirectory();
        using var sorter = new ExternalChunkSorter(1 << 20, temp.Path);
        foreach (var row in Enumerable.Repeat(SampleRows(), 10).SelectMany(r => r))
        {
            sorter.Add(row);
        }

        sorter.RunsSpilled.Should().BeGreaterThan(0);
        var folder = Directory.GetDirectories(temp.Path).Should().ContainSingle().Subject;
        File.GetUnixFileMode(folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.GetFiles(folder).Should().NotBeEmpty().And.OnlyContain(f => File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [SkippableFact]
    public async Task Reassemble_with_a_full_temp_folder_exits_1_and_leaves_no_temporary_file_and_no_output()
    {
        using var temp = new TempDirectory();
        var mount = temp.File("tiny");
        Directory.CreateDirectory(mount);
        OutputFaultTests.MountTmpfsOrSkip(mount, "64k");

        try
        {
            var input = temp.File("big.jsonl");
            await File.WriteAllLinesAsync(input, Enumerable.Repeat(File.ReadAllLines(SampleFiles.Chunks000), 10).SelectMany(l => l));
            var output = temp.File("papers.jsonl");

            var (exit, _, error) = await CliRun.RunAsync("reassemble", input, "-o", output, "--temp-dir", mount, "--memory-limit", "1MB", "--threads", "1");

            exit.Should().Be(1);
            error.Should().Contain($"paperchunks: {mount}: cannot write the sort's temporary files (choose another folder with --temp-dir or a larger memory limit): No space left on device");
            Directory.GetFileSystemEntries(mount).Should().BeEmpty();
            File.Exists(output).Should().BeFalse();
        }
        finally
        {
            Process.Start("umount", mount).WaitForExit();
        }
    }

    [SkippableFact]
    public void Csv_output_on_a_full_disk_is_an_output_error_and_the_previous_file_stays()
    {
        using var temp = new TempDirectory();
        var mount = temp.File("tiny");
        Directory.CreateDirectory(mount);
        OutputFaultTests.MountTmpfsOrSkip(mount, "64k");

        try
        {
            var path = Path.Combine(mount, "out.csv");
            File.WriteAllText(path, "previous");
            var act = () =>
            {
                using var writer = new CsvChunkWriter(path, null, new WriterOptions { Overwrite = true });
                foreach (var row in Enumerable.Repeat(SampleRows(), 5).SelectMany(r => r))
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

    private static List<ChunkRecord> SampleRows()
    {
        using var reader = new JsonlChunkReader(SampleFiles.Chunks000);
        return reader.ReadAll().ToList();
    }

    private static string Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{program} succeeds");
        return output;
    }
}
