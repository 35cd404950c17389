using Apache.Arrow;
using Apache.Arrow.Types;
using FluentAssertions;
using PaperChunks.Conversion;
using PaperChunks.Formats;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

/// <summary>
/// Extra columns of a Parquet file written elsewhere (here by Apache Arrow, as pyarrow and the Hub write them)
/// that are not text: numbers, flags, dates and embedding lists are kept as JSON values, other shapes refused.
/// </summary>
public class ParquetExtraColumnTests
{
    [Fact]
    public void Keeps_number_flag_date_and_list_columns_as_JSON_values()
    {
        using var temp = new TempDirectory();
        var path = temp.File("foreign.parquet");
        Write(path, Batch(withStruct: false));
        using var reader = PaperChunksReader.OpenChunks(path);

        var extras = reader.ReadAll().Select(r => string.Join(" ", r.ExtraFields.Select(f => $"{f.Name}={f.Json}"))).ToList();

        extras.Should().Equal(
            "score=9007199254740993 sim=0.1 flag=true embedding=[0.5,-1.25] created=\"2019-10-02\" note=\"a\"",
            "score=null sim=\"NaN\" flag=false embedding=[] created=null note=null",
            "score=-3 sim=null flag=null embedding=null created=\"1970-01-01\" note=\"c\"");
    }

    [Fact]
    public async Task Converts_them_to_JSON_Lines_as_their_values()
    {
        using var temp = new TempDirectory();
        var path = temp.File("foreign.parquet");
        var output = temp.File("out.jsonl");
        Write(path, Batch(withStruct: false));

        await PaperChunksConverter.ConvertAsync([path], output, new ConvertOptions());

        // The columns the file lacks stay absent: the output has the source's columns, extras after the layout's.
        File.ReadAllLines(output).Should().Equal(
            "{\"doi\":\"1910.01108\",\"chunk-id\":0,\"chunk\":\"DistilBERT, a distilled\",\"score\":9007199254740993,\"sim\":0.1,\"flag\":true,\"embedding\":[0.5,-1.25],\"created\":\"2019-10-02\",\"note\":\"a\"}",
            "{\"doi\":\"1910.01108\",\"chunk-id\":1,\"chunk\":\"version of BERT\",\"score\":null,\"sim\":\"NaN\",\"flag\":false,\"embedding\":[],\"created\":null,\"note\":null}",
            "{\"doi\":\"2005.14165\",\"chunk-id\":0,\"chunk\":\"Language Models\",\"score\":-3,\"sim\":null,\"flag\":null,\"embedding\":null,\"created\":\"1970-01-01\",\"note\":\"c\"}");
    }

    [Fact]
    public void Refuses_a_struct_column_it_cannot_keep_instead_of_dropping_it()
    {
        using var temp = new TempDirectory();
        var path = temp.File("foreign.parquet");
        Write(path, Batch(withStruct: true));

        var act = () => PaperChunksReader.OpenChunks(path).ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            $"{path}: field \"meta\": expected an extra column that can be kept as a JSON value (a scalar, or a list of scalars, of text, numbers, booleans, dates or times), found struct<page: Int32>");
    }

    [Fact]
    public void Reports_a_null_authors_list_and_a_null_author_as_bad_rows_not_as_empty_lists()
    {
        using var temp = new TempDirectory();
        var path = temp.File("nulls.parquet");
        var authors = new ListArray.Builder(StringType.Default);
        var names = (StringArray.Builder)authors.ValueBuilder;
        authors.Append();
        names.Append("Victor Sanh");
        authors.AppendNull();
        authors.Append();
        names.Append("Thomas Wolf").AppendNull();
        var schema = new Schema(
            [
                new("doi", StringType.Default, false), new("chunk-id", Int64Type.Default, false), new("chunk", StringType.Default, false),
                new("authors", new ListType(new Apache.Arrow.Field("element", StringType.Default, true)), true),
            ],
            null);
        Write(path, new RecordBatch(schema, [Strings("1910.01108", "1910.01108", "1910.01108"), new Int64Array.Builder().AppendRange([0L, 1L, 2L]).Build(), Strings("a", "b", "c"), authors.Build()], 3));
        using var reader = PaperChunksReader.OpenChunks(path, new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });

        var records = reader.ReadAll().ToList();

        records.Select(r => string.Join("|", r.Authors)).Should().Equal("Victor Sanh");
        reader.Errors.Select(e => e.Message).Should().Equal(
            $"{path}: field \"authors\": row 2: expected a value, found null",
            $"{path}: field \"authors\": row 3: expected a value, found a null list element");
    }

    private static RecordBatch Batch(bool withStruct)
    {
        var fields = new List<(Apache.Arrow.Field Field, IArrowArray Array)>
        {
            (new("doi", StringType.Default, false), Strings("1910.01108", "1910.01108", "2005.14165")),
            (new("chunk-id", Int64Type.Default, false), new Int64Array.Builder().AppendRange([0L, 1L, 0L]).Build()),
            (new("chunk", StringType.Default, false), Strings("DistilBERT, a distilled", "version of BERT", "Language Models")),
            (new("score", Int64Type.Default, true), new Int64Array.Builder().Append(9007199254740993L).AppendNull().Append(-3L).Build()),
            (new("sim", DoubleType.Default, true), new DoubleArray.Builder().Append(0.1).Append(double.NaN).AppendNull().Build()),
            (new("flag", BooleanType.Default, true), new BooleanArray.Builder().Append(true).Append(false).AppendNull().Build()),
            (new("embedding", new ListType(new Apache.Arrow.Field("element", FloatType.Default, true)), true), Embeddings()),
            (new("created", Date32Type.Default, true), new Date32Array.Builder().Append(new DateOnly(2019, 10, 2)).AppendNull().Append(new DateOnly(1970, 1, 1)).Build()),
            (new("note", StringType.Default, true), new StringArray.Builder().Append("a").AppendNull().Append("c").Build()),
        };
        if (withStruct)
        {
            var page = new Apache.Arrow.Field("page", Int32Type.Default, true);
            var pages = new Int32Array.Builder().AppendRange([1, 2, 3]).Build();
            fields.Add((new("meta", new StructType([page]), true), new StructArray(new StructType([page]), 3, [pages], ArrowBuffer.Empty)));
        }

        var schema = new Schema(fields.Select(f => f.Field), null);
        return new RecordBatch(schema, fields.Select(f => f.Array), 3);
    }

    private static StringArray Strings(params string[] values) => new StringArray.Builder().AppendRange(values).Build();

    private static ListArray Embeddings()
    {
        var builder = new ListArray.Builder(FloatType.Default);
        var values = (FloatArray.Builder)builder.ValueBuilder;
        builder.Append();
        values.Append(0.5f).Append(-1.25f);
        builder.Append();
        builder.AppendNull();
        return builder.Build();
    }

    private static void Write(string path, RecordBatch batch)
    {
        using var writer = new ParquetSharp.Arrow.FileWriter(path, batch.Schema);
        writer.WriteRecordBatch(batch);
        writer.Close();
    }
}
