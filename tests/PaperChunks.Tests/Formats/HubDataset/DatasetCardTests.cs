using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Parquet;
using PaperChunks.Tests.Cli;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace PaperChunks.Tests.Formats.HubDataset;

public class DatasetCardTests
{
    [Fact]
    public async Task A_folder_written_with_a_dataset_card_describes_its_parquet_files_as_parquetsharp_reads_them()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("out");

        var (exit, _, error) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", folder, "--shard-rows", "40", "--dataset-card");

        exit.Should().Be(0, error);
        Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(
            "README.md", "train-00000-of-00003.parquet", "train-00001-of-00003.parquet", "train-00002-of-00003.parquet");
        var card = Card(folder);
        var config = (YamlMappingNode)((YamlSequenceNode)card["configs"])[0];
        Scalar(config, "config_name").Should().Be("default");
        var dataFiles = (YamlMappingNode)((YamlSequenceNode)config["data_files"])[0];
        Scalar(dataFiles, "split").Should().Be("train");
        Directory.GetFiles(folder, Scalar(dataFiles, "path")).Should().HaveCount(3);

        var info = (YamlMappingNode)card["dataset_info"];
        Features(info).Should().Equal(
            "doi: dtype string", "chunk-id: dtype int64", "chunk: dtype string", "id: dtype string", "title: dtype string",
            "summary: dtype string", "source: dtype string", "authors: sequence string", "categories: sequence string",
            "comment: dtype string", "journal_ref: dtype string", "primary_category: dtype string", "published: dtype string",
            "updated: dtype string", "references: list [id: dtype string]");
        var files = Directory.GetFiles(folder, "*.parquet");
        Features(info).Should().Equal(ParquetSharpFeatures(files[0]));
        var split = (YamlMappingNode)((YamlSequenceNode)info["splits"])[0];
        Scalar(split, "name").Should().Be("train");
        Scalar(split, "num_examples").Should().Be("100");
        Scalar(split, "num_examples").Should().Be(files.Sum(RowsOf).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Scalar(info, "download_size").Should().Be(files.Sum(f => new FileInfo(f).Length).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Scalar(info, "dataset_size").Should().Be(Scalar(split, "num_bytes"));
        long.Parse(Scalar(split, "num_bytes"), System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(long.Parse(Scalar(info, "download_size"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_card_follows_the_source_column_types_of_ai_arxiv_chunked_rows()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("out");
        var input = Path.Combine(SeedFiles.FixturesDirectory, "variants", "ai-arxiv-chunked.jsonl");

        var (exit, _, error) = await CliRun.RunAsync("convert", input, "-o", folder, "--dataset-card");

        exit.Should().Be(0, error);
        var files = Directory.GetFiles(folder, "*.parquet");
        files.Select(Path.GetFileName).Should().Equal("train-00000-of-00001.parquet");
        var info = (YamlMappingNode)Card(folder)["dataset_info"];
        Features(info).Should().Contain("chunk-id: dtype string").And.Contain("authors: sequence string");
        Features(info).Should().Equal(ParquetSharpFeatures(files[0]));
    }

    // The whole card, byte for byte: written since by YamlDotNet's emitter alone (NativeAOT), it must stay the text
    // the reflection-based serializer wrote. The sizes are the footers' and the files', read here with ParquetSharp.
    [Fact]
    public async Task Writes_the_card_of_a_partitioned_folder_as_exactly_this_text()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("sample-card");

        var (exit, _, error) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", folder, "--partition-by", "primary_category", "--dataset-card");

        exit.Should().Be(0, error);
        var files = Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories);
        var bytes = files.Sum(UncompressedBytesOf);
        var download = files.Sum(f => new FileInfo(f).Length);
        File.ReadAllText(Path.Combine(folder, "README.md")).Should().Be($"""
            ---
            configs:
            - config_name: default
              data_files:
              - split: train
                path: '*/train-*.parquet'
            dataset_info:
              features:
              - name: doi
                dtype: string
              - name: chunk-id
                dtype: int64
              - name: chunk
                dtype: string
              - name: id
                dtype: string
              - name: title
                dtype: string
              - name: summary
                dtype: string
              - name: source
                dtype: string
              - name: authors
                sequence: string
              - name: categories
                sequence: string
              - name: comment
                dtype: string
              - name: journal_ref
                dtype: string
              - name: primary_category
                dtype: string
              - name: published
                dtype: string
              - name: updated
                dtype: string
              - name: references
                list:
                - name: id
                  dtype: string
              splits:
              - name: train
                num_bytes: {bytes}
                num_examples: 100
              download_size: {download}
              dataset_size: {bytes}
            ---

            # sample-card

            100 rows in 4 Parquet files, split `train`, written by PaperChunks. The YAML header is the dataset card that the Hugging Face Hub and `datasets.load_dataset` read.

            """);
    }

    [Fact]
    public async Task Refuses_a_dataset_card_for_a_single_file_output()
    {
        using var temp = new TempDirectory();

        var (exit, _, error) = await CliRun.RunAsync("convert", SampleFiles.Chunks000, "-o", temp.File("out.jsonl"), "--dataset-card");

        exit.Should().Be(2);
        error.Should().Contain("--dataset-card applies to Parquet output only; this output is JSON Lines");
    }

    private static YamlMappingNode Card(string folder)
    {
        var text = File.ReadAllText(Path.Combine(folder, "README.md"));
        text.Should().StartWith("---\n");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        end.Should().BePositive();
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text[4..end]));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    // "name: dtype string", "name: sequence string", "name: list [id: dtype string]", as the datasets YAML says.
    private static List<string> Features(YamlMappingNode info) =>
        ((YamlSequenceNode)info["features"]).Cast<YamlMappingNode>().Select(Feature).ToList();

    private static string Feature(YamlMappingNode feature)
    {
        var (key, value) = feature.Children.Single(c => ((YamlScalarNode)c.Key).Value != "name");
        var type = value is YamlSequenceNode list ? $"[{string.Join(", ", list.Cast<YamlMappingNode>().Select(Feature))}]" : ((YamlScalarNode)value).Value;
        return $"{Scalar(feature, "name")}: {((YamlScalarNode)key).Value} {type}";
    }

    // The same strings from ParquetSharp's reading of the file's schema, independent of the card's code.
    private static List<string> ParquetSharpFeatures(string path)
    {
        using var file = new ParquetSharp.ParquetFileReader(path);
        var root = (ParquetSharp.Schema.GroupNode)file.FileMetaData.Schema.SchemaRoot;
        return root.Fields.Select(Describe).ToList();
    }

    private static string Describe(ParquetSharp.Schema.Node node)
    {
        if (node is ParquetSharp.Schema.PrimitiveNode primitive)
        {
            return $"{node.Name}: dtype {PrimitiveName(primitive)}";
        }

        var group = (ParquetSharp.Schema.GroupNode)node;
        if (group.LogicalType is ParquetSharp.ListLogicalType)
        {
            var element = ((ParquetSharp.Schema.GroupNode)group.Fields[0]).Fields[0];
            return element is ParquetSharp.Schema.PrimitiveNode item
                ? $"{node.Name}: sequence {PrimitiveName(item)}"
                : $"{node.Name}: list [{string.Join(", ", ((ParquetSharp.Schema.GroupNode)element).Fields.Select(Describe))}]";
        }

        return $"{node.Name}: struct [{string.Join(", ", group.Fields.Select(Describe))}]";
    }

    private static string PrimitiveName(ParquetSharp.Schema.PrimitiveNode node) => node.PhysicalType switch
    {
        ParquetSharp.PhysicalType.ByteArray when node.LogicalType is ParquetSharp.StringLogicalType => "string",
        ParquetSharp.PhysicalType.Int64 => "int64",
        ParquetSharp.PhysicalType.Int32 => "int32",
        ParquetSharp.PhysicalType.Double => "float64",
        ParquetSharp.PhysicalType.Boolean => "bool",
        var other => other.ToString(),
    };

    private static long UncompressedBytesOf(string path)
    {
        using var file = new ParquetSharp.ParquetFileReader(path);
        long bytes = 0;
        for (var i = 0; i < file.FileMetaData.NumRowGroups; i++)
        {
            using var rowGroup = file.RowGroup(i);
            bytes += rowGroup.MetaData.TotalByteSize;
        }

        return bytes;
    }

    private static long RowsOf(string path)
    {
        using var file = new ParquetSharp.ParquetFileReader(path);
        return file.FileMetaData.NumRows;
    }
}
