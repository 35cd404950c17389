using System.Text;
using Parquet;

namespace PaperChunks.Formats.HubDataset;

/// <summary>
/// Writes a dataset card, <c>README.md</c> with the YAML header the Hugging Face Hub and <c>datasets</c> read, for
/// the Parquet files of one split: <c>configs</c> (the default config's <c>data_files</c>, a glob per split) and
/// <c>dataset_info</c> (<c>features</c> taken from the files' own Parquet schema, <c>splits</c> with
/// <c>num_bytes</c> and <c>num_examples</c>, <c>download_size</c>, <c>dataset_size</c>).
/// </summary>
/// <remarks>
/// <c>num_examples</c> is the files' row count. <c>num_bytes</c> and <c>dataset_size</c> are the row groups'
/// uncompressed sizes from the Parquet footers, where <c>datasets</c> puts the Arrow table's size in memory: close,
/// not equal. <c>download_size</c> is the files' size on disk, as on the Hub.
/// </remarks>
internal static class DatasetCard
{
    /// <summary>The card's file name in a dataset repository.</summary>
    public const string FileName = "README.md";

    /// <summary>Writes <see cref="FileName"/> into <paramref name="folder"/> for <paramref name="files"/>, all of split <paramref name="split"/>.</summary>
    /// <param name="folder">The folder being written (the files are inside it).</param>
    /// <param name="target">The dataset folder as the user named it: the card's title and the errors' subject.</param>
    /// <param name="split">The split name, e.g. <c>train</c>.</param>
    /// <param name="files">The Parquet files, named <c>{split}-NNNNN-of-NNNNN.parquet</c>, at the top or one folder down.</param>
    /// <exception cref="PaperChunksOutputException">The files' schemas differ, or a column has no <c>datasets</c> feature.</exception>
    public static void Write(string folder, string target, string split, IReadOnlyList<string> files)
    {
        List<object>? features = null;
        string? firstFeatures = null;
        long rows = 0, bytes = 0, download = 0;
        foreach (var file in files)
        {
            var (schemaFeatures, fileRows, fileBytes) = Describe(folder, target, file);
            var text = DatasetCardYaml.Of(schemaFeatures);
            if (firstFeatures is not null && text != firstFeatures)
            {
                throw new PaperChunksOutputException(target, $"{Path.GetRelativePath(folder, file)} has other columns than {Path.GetRelativePath(folder, files[0])}; a split's files share one schema");
            }

            (features, firstFeatures) = (schemaFeatures, text);
            rows += fileRows;
            bytes += fileBytes;
            download += new FileInfo(file).Length;
        }

        var nested = files.Any(f => Path.GetDirectoryName(Path.GetRelativePath(folder, f)) is { Length: > 0 });
        var header = new Dictionary<string, object>
        {
            ["configs"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["config_name"] = "default",
                    ["data_files"] = new List<object>
                    {
                        new Dictionary<string, object> { ["split"] = split, ["path"] = (nested ? "*/" : "") + split + "-*.parquet" },
                    },
                },
            },
            ["dataset_info"] = new Dictionary<string, object>
            {
                ["features"] = features ?? [],
                ["splits"] = new List<object>
                {
                    new Dictionary<string, object> { ["name"] = split, ["num_bytes"] = bytes, ["num_examples"] = rows },
                },
                ["download_size"] = download,
                ["dataset_size"] = bytes,
            },
        };
        var card = new StringBuilder()
            .Append("---\n").Append(DatasetCardYaml.Of(header).ReplaceLineEndings("\n")).Append("---\n\n")
            .Append("# ").Append(Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar))).Append("\n\n")
            .Append(System.FormattableString.Invariant($"{rows} rows in {files.Count} Parquet file{(files.Count == 1 ? "" : "s")}, split `{split}`, written by PaperChunks. "))
            .Append("The YAML header is the dataset card that the Hugging Face Hub and `datasets.load_dataset` read.\n")
            .ToString();
        File.WriteAllText(Path.Combine(folder, FileName), card, new UTF8Encoding(false));
    }

    private static (List<object> Features, long Rows, long Bytes) Describe(string folder, string target, string file)
    {
        using var stream = File.OpenRead(file);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            long rows = 0, bytes = 0;
            foreach (var group in reader.Metadata?.RowGroups ?? [])
            {
                rows += group.NumRows;
                bytes += group.TotalByteSize;
            }

            return (DatasetCardFeatures.Of(reader.Schema), rows, bytes);
        }
        catch (NotSupportedException e)
        {
            throw new PaperChunksOutputException(target, $"{Path.GetRelativePath(folder, file)}: {e.Message}", e);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
