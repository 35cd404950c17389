using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using Xunit;

namespace PaperChunks.Tests.Formats.HubDataset;

public class HubDatasetFolderTests
{
    private const string Card = "---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/train-*\n  - split: test\n    path: data/test-*\n---\n\n# repo\n";

    [Fact]
    public void Reads_a_hub_clone_split_by_split_from_its_card()
    {
        using var temp = new TempDirectory();
        var (repo, rows) = HubClone(temp, Card);

        Read(repo, "train").Should().Equal(rows.Take(60));
        Read(repo, "test").Should().Equal(rows.Skip(60));
    }

    [Fact]
    public void Without_a_card_the_file_names_give_the_splits()
    {
        using var temp = new TempDirectory();
        var (repo, rows) = HubClone(temp, card: null);

        Read(repo, "train").Should().Equal(rows.Take(60));
        Read(repo, "test").Should().Equal(rows.Skip(60));
    }

    [Fact]
    public void Without_a_split_a_folder_of_several_is_an_error_naming_them()
    {
        using var temp = new TempDirectory();
        var (repo, _) = HubClone(temp, Card);

        var act = () => PaperChunksReader.OpenChunks(repo);

        act.Should().Throw<PaperChunksFormatException>().Which.Reason.Should().Be(
            "the dataset folder has the splits test, train; choose one (--split, ReaderOptions.Split)");
    }

    [Fact]
    public void An_unknown_split_is_an_error_naming_the_folders_splits()
    {
        using var temp = new TempDirectory();
        var (repo, _) = HubClone(temp, Card);

        var act = () => PaperChunksReader.OpenChunks(repo, new ReaderOptions { Split = "validation" });

        act.Should().Throw<PaperChunksFormatException>().Which.Reason.Should().Be(
            "expected one of the dataset folder's splits (test, train), found \"validation\"");
    }

    [Fact]
    public void A_folder_of_one_split_is_read_without_naming_it_and_gives_back_what_was_written_with_its_card()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("out");
        var rows = SampleRows();
        using (var writer = PaperChunksWriter.CreateChunks(folder, new WriterOptions { Parquet = new() { ShardRows = 40, DatasetCard = true } }))
        {
            writer.WriteAll(rows);
        }

        using var reader = PaperChunksReader.OpenChunks(folder);
        reader.ReadAll().Should().Equal(rows);
    }

    [Fact]
    public async Task The_cli_converts_one_split_of_a_hub_clone_and_refuses_split_for_files()
    {
        using var temp = new TempDirectory();
        var (repo, rows) = HubClone(temp, Card);
        var output = temp.File("test.jsonl");

        var (exit, _, error) = await CliRun.RunAsync("convert", repo, "--split", "test", "-o", output);
        var (noSplit, _, noSplitError) = await CliRun.RunAsync("convert", repo, "-o", temp.File("all.jsonl"));
        var (onFile, _, onFileError) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "--split", "test", "-o", temp.File("x.jsonl"));

        exit.Should().Be(0, error);
        using (var reader = PaperChunksReader.OpenChunks(output))
        {
            reader.ReadAll().Should().Equal(rows.Skip(60));
        }

        noSplit.Should().NotBe(0);
        noSplitError.Should().Contain("the dataset folder has the splits test, train; choose one (--split, ReaderOptions.Split)");
        File.Exists(temp.File("all.jsonl")).Should().BeFalse();
        onFile.Should().Be(2);
        onFileError.Should().Contain("--split applies to dataset folders only; no input is a folder");
    }

    [Fact]
    public async Task Stats_and_validate_read_one_split_of_a_hub_clone_as_they_read_a_file_of_its_rows()
    {
        using var temp = new TempDirectory();
        var (repo, rows) = HubClone(temp, Card);
        var train = temp.File("train.jsonl");
        using (var writer = PaperChunksWriter.CreateChunks(train))
        {
            writer.WriteAll(rows.Take(60));
        }

        var folderStats = await CliRun.RunAsync("stats", repo, "--split", "train");
        var fileStats = await CliRun.RunAsync("stats", train);
        var folderCheck = await CliRun.RunAsync("validate", repo, "--split", "train", "--report", "json");
        var fileCheck = await CliRun.RunAsync("validate", train, "--report", "json");
        var noSplit = await CliRun.RunAsync("validate", repo);

        folderStats.Exit.Should().Be(fileStats.Exit, folderStats.Error);
        folderStats.Out.Should().Be(fileStats.Out).And.Contain("60");
        folderCheck.Out.Replace(repo, "IN", StringComparison.Ordinal).Should().Be(fileCheck.Out.Replace(train, "IN", StringComparison.Ordinal));
        folderCheck.Out.Should().Contain("\"rows\": 60");
        noSplit.Out.Should().Contain("the dataset folder has the splits test, train; choose one (--split, ReaderOptions.Split)");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("stats")]
    public async Task Split_on_stats_and_validate_without_a_folder_is_a_usage_error(string command)
    {
        var run = await CliRun.RunAsync(command, SampleFiles.Chunks000, "--split", "test");

        run.Exit.Should().Be(2);
        run.Error.Should().Contain("--split applies to dataset folders only; no input is a folder");
    }

    // A clone laid out as the Hub lays out a repository: data/train-0000K-of-00002.parquet (30 rows each) and
    // data/test-00000-of-00001.parquet (the last 40 sample rows), with or without a README card.
    private static (string Repo, List<ChunkRecord> Rows) HubClone(TempDirectory temp, string? card)
    {
        var repo = temp.File("repo");
        Directory.CreateDirectory(Path.Combine(repo, "data"));
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        File.WriteAllText(Path.Combine(repo, ".git", "HEAD"), "ref: refs/heads/main\n");
        var rows = SampleRows();
        Parquet(Path.Combine(repo, "data", "train-00000-of-00002.parquet"), rows.Take(30));
        Parquet(Path.Combine(repo, "data", "train-00001-of-00002.parquet"), rows.Skip(30).Take(30));
        Parquet(Path.Combine(repo, "data", "test-00000-of-00001.parquet"), rows.Skip(60));
        if (card is not null)
        {
            File.WriteAllText(Path.Combine(repo, "README.md"), card);
        }

        return (repo, rows);
    }

    private static List<ChunkRecord> SampleRows()
    {
        using var reader = PaperChunksReader.OpenChunks(SampleFiles.Chunks000);
        return reader.ReadAll().ToList();
    }

    private static void Parquet(string path, IEnumerable<ChunkRecord> rows)
    {
        using var writer = PaperChunksWriter.CreateChunks(path);
        writer.WriteAll(rows);
    }

    private static List<ChunkRecord> Read(string repo, string split)
    {
        using var reader = PaperChunksReader.OpenChunks(repo, new ReaderOptions { Split = split });
        return reader.ReadAll().ToList();
    }
}
