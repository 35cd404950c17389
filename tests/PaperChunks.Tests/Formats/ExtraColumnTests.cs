using FluentAssertions;
using ParquetSharp;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;
using PaperChunks.Tests.Cli;
using PaperChunks.Tests.Formats.Jsonl;
using PaperChunks.Tests.Formats.Parquet;
using Xunit;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// Extra (unknown) columns are kept by the Parquet and CSV chunk writers, fixed by the file's first row: JSONL → Parquet →
/// JSONL and JSONL → CSV → JSONL give the input back. What a fixed header or schema still cannot hold is refused, naming
/// the row and the column (it used to be dropped with exit 0).
/// </summary>
public sealed class ExtraColumnTests : IDisposable
{
    private static readonly string Fixture = JsonlSchemaVariantTests.VariantPath("extra-columns.jsonl");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ChunkRecord Row(long chunkId, params ExtraField[] extras) => new()
    {
        Doi = "1910.01108",
        ChunkId = chunkId,
        Chunk = "text",
        ExtraFields = extras,
    };

    private static async Task Convert(string from, string to)
    {
        var run = await CliRun.RunAsync("convert", from, "-o", to);
        run.Exit.Should().Be(0, run.Error);
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public async Task Jsonl_through_parquet_or_csv_gives_the_extra_columns_back_byte_for_byte(string format)
    {
        await Convert(Fixture, _temp.File("x." + format));
        await Convert(_temp.File("x." + format), _temp.File("back.jsonl"));

        File.ReadAllBytes(_temp.File("back.jsonl")).Should().Equal(File.ReadAllBytes(Fixture));
    }

    [Fact]
    public async Task Parquet_gets_a_string_column_per_extra_column_and_names_the_json_ones_in_its_metadata()
    {
        await Convert(Fixture, _temp.File("x.parquet"));

        ExtraColumnsOf(_temp.File("x.parquet")).Should().Be("note, score, tags, meta, later; JSON: [\"score\",\"tags\",\"meta\",\"later\"]");
        using var file = new ParquetFileReader(_temp.File("x.parquet"));
        using var rows = file.RowGroup(0);
        rows.Column(15).LogicalReader<string?>().ReadAll(3).Should().Equal("café \"q\"", "", null);
        rows.Column(19).LogicalReader<string?>().ReadAll(3).Should().Equal(null, "[1,\"two\"]", "3");
    }

    // Text comes back from Parquet and CSV escaped as the JSON Lines writer escapes it: only quotes, backslashes and
    // controls, never a no-break space, a non-ASCII letter, "<" or a line separator. The metadata's list of JSON
    // columns is the default escaping's JSON, as pyarrow and datasets read it.
    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public async Task Gives_back_text_and_column_names_with_the_json_lines_escaping(string format)
    {
        var input = _temp.File("escapes.jsonl");
        Write(input, [Row(0, new ExtraField("note", "\"nbsp\u00A0é \\\"q\\\" \\\\ \\u0001 <x>\u2028\""), new ExtraField("scoré", "1.5"))])();

        await Convert(input, _temp.File("x." + format));
        await Convert(_temp.File("x." + format), _temp.File("back.jsonl"));

        File.ReadAllText(_temp.File("back.jsonl")).Should().Contain(",\"note\":\"nbsp\u00A0é \\\"q\\\" \\\\ \\u0001 <x>\u2028\",\"scoré\":1.5}");
        File.ReadAllBytes(_temp.File("back.jsonl")).Should().Equal(File.ReadAllBytes(input));
        if (format == "parquet")
        {
            using var file = new ParquetFileReader(_temp.File("x.parquet"));
            file.FileMetaData.KeyValueMetadata["paperchunks.json_columns"].Should().Be("[\"scor\\u00E9\"]");
        }
    }

    [Fact]
    public async Task Csv_gets_header_columns_with_strings_as_text_and_other_values_as_their_json()
    {
        await Convert(Fixture, _temp.File("x.csv"));
        var text = File.ReadAllText(_temp.File("x.csv"));

        text.Should().StartWith(
            "doi,chunk-id,chunk,id,title,summary,source,authors,categories,comment,journal_ref,primary_category,published,updated,references,note,score,tags,meta,later\n");
        // As the SciTLDR CSV writes them: the empty string as its JSON ("") since an empty cell means "no such column".
        text.Should().Contain(",\"[{\"\"id\"\":\"\"1910.01108\"\"}]\",\"café \"\"q\"\"\",1.50,\"[\"\"x\"\",\"\"y\"\"]\",\"{\"\"k\"\":null}\",null\n");
        text.Should().Contain(",\"\"\"\"\"\",-2,[],{},\"[1,\"\"two\"\"]\"\n");
        text.Should().EndWith(",null,true,\"[\"\"z\"\"]\",\"{\"\"a\"\":[1]}\",3\n");
    }

    [Fact]
    public void Csv_cells_of_an_extra_column_read_by_their_look()
    {
        var csv = "doi,chunk-id,chunk,x\n1910.01108,0,t,7\n1910.01108,1,t,\"\"\"7\"\"\"\n1910.01108,2,t,null\n1910.01108,3,t,\"[1, 2]\"\n1910.01108,4,t,hello\n1910.01108,5,t,[oops\n1910.01108,6,t,\n";
        using var reader = new CsvChunkReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)));

        reader.ReadAll().Select(r => string.Join("|", r.ExtraFields.Select(f => f.Json))).Should().Equal(
            "7", "\"7\"", "null", "[1, 2]", "\"hello\"", "\"[oops\"", "");
    }

    [Fact]
    public async Task A_row_without_an_extra_column_gets_a_null_there_in_parquet()
    {
        var path = _temp.File("x.parquet");
        using (var writer = PaperChunksWriter.CreateChunks(path))
        {
            writer.WriteAll([Row(0, new ExtraField("note", "\"a\"")), Row(1)]);
        }

        await Convert(path, _temp.File("x.jsonl"));

        File.ReadAllLines(_temp.File("x.jsonl")).Select(l => l[l.IndexOf(",\"note\"", StringComparison.Ordinal)..]).Should().Equal(
            ",\"note\":\"a\"}", ",\"note\":null}");
    }

    [Theory]
    [InlineData("out.parquet")]
    [InlineData("out.csv")]
    public void A_later_row_with_a_column_the_first_row_lacked_is_refused_and_leaves_no_file(string name)
    {
        var path = _temp.File(name);

        Write(path, [Row(0, new ExtraField("a", "1")), Row(3, new ExtraField("a", "2"), new ExtraField("extra_col", "7"))])
            .Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
                $"{path}: the row of paper \"1910.01108\" chunk 3 has the column \"extra_col\", which the file's first row did not have; the first row fixes the extra columns (write JSON Lines to keep rows whose extra columns differ, or learn them from the whole input first: --scan-columns)");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Parquet_refuses_a_non_string_in_a_column_the_first_row_made_a_text_column()
    {
        var path = _temp.File("out.parquet");

        Write(path, [Row(0, new ExtraField("note", "\"a\"")), Row(1, new ExtraField("note", "[1,2]"))])
            .Should().Throw<PaperChunksOutputException>().Which.Message.Should().Be(
                $"{path}: the row of paper \"1910.01108\" chunk 1 has [1,2] in the column \"note\", which the file's first row made a text column (it held a string there); write JSON Lines to keep it, or learn the columns from the whole input first: --scan-columns");
        File.Exists(path).Should().BeFalse();
    }

    // Rows whose extra columns differ: "later" first comes in row 3, "note" is a string, then null, then absent,
    // "n" is null first and a number later, "s" null first and a string later.
    private const string Differing =
        "{\"doi\":\"1910.01108\",\"chunk-id\":0,\"chunk\":\"a\",\"note\":\"x\",\"n\":null,\"s\":null}\n" +
        "{\"doi\":\"1910.01108\",\"chunk-id\":1,\"chunk\":\"b\",\"note\":null,\"n\":2.50,\"s\":\"y\"}\n" +
        "{\"doi\":\"1910.01108\",\"chunk-id\":2,\"chunk\":\"c\",\"later\":[1,\"two\"]}\n";

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    public async Task Scanning_the_columns_first_takes_rows_whose_extra_columns_differ_and_gives_them_back(string format)
    {
        var input = _temp.File("differing.jsonl");
        await File.WriteAllTextAsync(input, Differing);
        var refused = await CliRun.RunAsync("convert", input, "-o", _temp.File("refused." + format));
        refused.Exit.Should().Be(1);
        refused.Error.Should().Contain("has the column \"later\", which the file's first row did not have");

        var run = await CliRun.RunAsync("convert", input, "-o", _temp.File("x." + format), "--scan-columns");
        run.Exit.Should().Be(0, run.Error);
        await Convert(_temp.File("x." + format), _temp.File("back.jsonl"));

        // Every extra column, in the order the columns first came. Parquet gives a row without one a null there, as
        // pyarrow and datasets fill a missing field; CSV keeps it absent (an empty cell). The layout's other columns
        // come back with their empty values, as for any sparse row.
        const string Rest = "\"id\":\"\",\"title\":\"\",\"summary\":\"\",\"source\":\"\",\"authors\":[],\"categories\":[],\"comment\":null,\"journal_ref\":null,\"primary_category\":\"\",\"published\":null,\"updated\":null,\"references\":[]";
        File.ReadAllText(_temp.File("back.jsonl")).Should().Be(format == "parquet"
            ? "{\"doi\":\"1910.01108\",\"chunk-id\":0,\"chunk\":\"a\"," + Rest + ",\"note\":\"x\",\"n\":null,\"s\":null,\"later\":null}\n" +
              "{\"doi\":\"1910.01108\",\"chunk-id\":1,\"chunk\":\"b\"," + Rest + ",\"note\":null,\"n\":2.50,\"s\":\"y\",\"later\":null}\n" +
              "{\"doi\":\"1910.01108\",\"chunk-id\":2,\"chunk\":\"c\"," + Rest + ",\"note\":null,\"n\":null,\"s\":null,\"later\":[1,\"two\"]}\n"
            : "{\"doi\":\"1910.01108\",\"chunk-id\":0,\"chunk\":\"a\"," + Rest + ",\"note\":\"x\",\"n\":null,\"s\":null}\n" +
              "{\"doi\":\"1910.01108\",\"chunk-id\":1,\"chunk\":\"b\"," + Rest + ",\"note\":null,\"n\":2.50,\"s\":\"y\"}\n" +
              "{\"doi\":\"1910.01108\",\"chunk-id\":2,\"chunk\":\"c\"," + Rest + ",\"later\":[1,\"two\"]}\n");
    }

    [Fact]
    public async Task Scanning_makes_a_column_of_strings_a_text_column_even_when_its_first_value_is_null()
    {
        var input = _temp.File("differing.jsonl");
        await File.WriteAllTextAsync(input, Differing);

        (await CliRun.RunAsync("convert", input, "-o", _temp.File("x.parquet"), "--scan-columns")).Exit.Should().Be(0);

        ExtraColumnsOf(_temp.File("x.parquet")).Should().Be("note, n, s, later; JSON: [\"n\",\"later\"]");
        using var file = new ParquetFileReader(_temp.File("x.parquet"));
        using var rows = file.RowGroup(0);
        rows.Column(17).LogicalReader<string?>().ReadAll(3).Should().Equal(null, "y", null);
        rows.Column(16).LogicalReader<string?>().ReadAll(3).Should().Equal(null, "2.50", null);
    }

    [Fact]
    public async Task Every_shard_of_a_dataset_folder_gets_the_scanned_columns()
    {
        var input = _temp.File("differing.jsonl");
        await File.WriteAllTextAsync(input, Differing);

        var run = await CliRun.RunAsync("convert", input, "-o", _temp.File("out"), "--shard-rows", "1", "--scan-columns");

        run.Exit.Should().Be(0, run.Error);
        var shards = Directory.GetFiles(_temp.File("out"), "*.parquet").Order(StringComparer.Ordinal).ToArray();
        shards.Should().HaveCount(3);
        shards.Select(f => string.Join(",", ParquetSchemaVariantTests.ColumnsOf(f).Skip(15).Select(c => c.Split(' ')[0])))
            .Should().Equal("note,n,s,later", "note,n,s,later", "note,n,s,later");
    }

    [Fact]
    public async Task The_library_refuses_the_scan_for_json_lines_output_and_for_other_record_kinds()
    {
        var scan = new PaperChunks.Conversion.ConvertOptions { ScanExtraColumns = true };

        var toJsonl = () => PaperChunks.Conversion.PaperChunksConverter.ConvertAsync([Fixture], _temp.File("x.jsonl"), scan);
        var summaries = () => PaperChunks.Conversion.PaperChunksConverter.ConvertAsync([SeedFiles.PathOf(SeedFiles.SciTldrLines)], _temp.File("x.parquet"), scan);

        (await toJsonl.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Be(
            "scanning the extra columns applies to CSV and Parquet output; JSON Lines keeps every row's columns as they are");
        (await summaries.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().EndWith(
            "003_808fc9e4c273956b.txt.zst holds summarization rows; scanning the extra columns applies to chunk rows only.");
        Directory.EnumerateFileSystemEntries(_temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void Learning_the_columns_keeps_the_order_they_first_come_in_and_their_kinds()
    {
        var set = ExtraColumnSet.Learn([
            Row(0, new ExtraField("a", "null"), new ExtraField("b", "\"x\"")),
            Row(1, new ExtraField("c", "1"), new ExtraField("a", "\"y\""), new ExtraField("b", "[2]")),
            Row(2, new ExtraField("d", "null")),
        ]);

        set.Names.Should().Equal("a", "b", "c", "d");
        Enumerable.Range(0, set.Count).Select(set.IsJson).Should().Equal(false, true, true, true);
    }

    // The columns after the layout's fifteen (each an optional UTF-8 string, no list) and the metadata naming the JSON ones.
    private static string ExtraColumnsOf(string path)
    {
        var columns = ParquetSchemaVariantTests.ColumnsOf(path).Skip(15).ToArray();
        columns.Should().OnlyContain(c => c.EndsWith(" ByteArray String rep=0", StringComparison.Ordinal));
        using var file = new ParquetFileReader(path);
        return string.Join(", ", columns.Select(c => c.Split(' ')[0])) + "; JSON: " + file.FileMetaData.KeyValueMetadata["paperchunks.json_columns"];
    }

    private static Action Write(string path, IReadOnlyList<ChunkRecord> rows) => () =>
    {
        using var writer = PaperChunksWriter.CreateChunks(path);
        writer.WriteAll(rows);
    };
}
