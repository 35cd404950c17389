using Apache.Arrow;
using Apache.Arrow.Types;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using ParquetSharp;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

/// <summary>Files PaperChunks writes against the Apache Arrow C++ reader (ParquetSharp), and back.</summary>
public class ParquetSharpInteropTests
{
    [Fact]
    public async Task Writes_the_Hugging_Face_schema_column_for_column()
    {
        using var temp = new TempDirectory();
        var path = temp.File("chunks.parquet");
        await ParquetChunkWriterTests.WriteSampleAsync(path, ParquetWriterOptions.Default);

        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        var columns = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i))
            .Select(c => $"{c.Path.ToDotString()} {c.PhysicalType} {c.LogicalType} def={c.MaxDefinitionLevel} rep={c.MaxRepetitionLevel}");

        columns.Should().Equal(
            "doi ByteArray String def=1 rep=0",
            "chunk-id Int64 Int(bitWidth=64, isSigned=true) def=1 rep=0",
            "chunk ByteArray String def=1 rep=0",
            "id ByteArray String def=1 rep=0",
            "title ByteArray String def=1 rep=0",
            "summary ByteArray String def=1 rep=0",
            "source ByteArray String def=1 rep=0",
            "authors.list.element ByteArray String def=3 rep=1",
            "categories.list.element ByteArray String def=3 rep=1",
            "comment ByteArray String def=1 rep=0",
            "journal_ref ByteArray String def=1 rep=0",
            "primary_category ByteArray String def=1 rep=0",
            "published ByteArray String def=1 rep=0",
            "updated ByteArray String def=1 rep=0",
            "references.list.element.id ByteArray String def=4 rep=1");
    }

    [Fact]
    public async Task Arrow_reads_what_PaperChunks_writes_with_equal_values()
    {
        using var temp = new TempDirectory();
        var path = temp.File("chunks.parquet");
        await ParquetChunkWriterTests.WriteSampleAsync(path, new ParquetWriterOptions { Compression = ParquetCompression.Zstd, RowGroupRows = 40 });
        using var jsonl = new JsonlChunkReader(SampleFiles.Chunks000);
        var expected = jsonl.ReadAll().ToList();

        var actual = new List<ChunkRecord>();
        using var file = new ParquetSharp.Arrow.FileReader(path);
        using var batches = file.GetRecordBatchReader();
        while (await batches.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                actual.AddRange(FromArrow(batch));
            }
        }

        actual.Should().Equal(expected);
        file.Schema.GetFieldByName("references").DataType.Should().BeOfType<ListType>()
            .Which.ValueDataType.Should().BeOfType<StructType>()
            .Which.Fields.Select(f => f.Name).Should().Equal("id");
    }

    [Fact]
    public async Task PaperChunks_reads_what_Arrow_writes_in_the_same_schema()
    {
        using var temp = new TempDirectory();
        var path = temp.File("arrow.parquet");
        using var jsonl = new JsonlChunkReader(SampleFiles.Chunks000);
        var expected = jsonl.ReadAll().ToList();
        var batch = ToArrow(expected);
        using (var writer = new ParquetSharp.Arrow.FileWriter(path, batch.Schema))
        {
            writer.WriteRecordBatch(batch);
            writer.Close();
        }

        await using var reader = new ParquetChunkReader(path);
        var actual = new List<ChunkRecord>();
        await foreach (var record in reader.ReadAllAsync())
        {
            actual.Add(record);
        }

        actual.Should().Equal(expected);
    }

    [Theory]
    [InlineData(Compression.Snappy, true)]
    [InlineData(Compression.Snappy, false)]
    [InlineData(Compression.Gzip, false)]
    [InlineData(Compression.Zstd, true)]
    [InlineData(Compression.Uncompressed, true)]
    public void Reads_files_Arrow_writes_in_many_small_pages_with_every_codec(Compression codec, bool dictionary)
    {
        // The column-chunk check reads every page header before Parquet.Net decodes a row group: 1 KB pages
        // give the long text columns dozens of pages per chunk, with page checksums, a page index after the
        // row group, and dictionary pages first. None of it may be taken for damage.
        using var temp = new TempDirectory();
        var path = temp.File("arrow.parquet");
        var expected = WriteSampleWithArrow(path, codec, ParquetDataPageVersion.V1, dictionary);
        using (var check = new ParquetFileReader(path))
        {
            check.RowGroup(0).MetaData.GetColumnChunkMetaData(2).TotalCompressedSize.Should().BeGreaterThan(20 * 1024, "the chunk column must span many pages");
        }

        using var reader = new ParquetChunkReader(path);
        reader.ReadAll().ToList().Should().Equal(expected);
    }

    [Theory]
    [InlineData(Compression.Snappy)]
    [InlineData(Compression.Uncompressed)]
    public void A_list_column_in_version_2_data_pages_is_a_located_error_not_a_crash(Compression codec)
    {
        // Parquet.Net 6.1 throws NotImplementedException for a v2 page with repetition levels (exit 3 before).
        using var temp = new TempDirectory();
        var path = temp.File("arrow.parquet");
        WriteSampleWithArrow(path, codec, ParquetDataPageVersion.V2, dictionary: false);

        using var reader = new ParquetChunkReader(path);
        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            $"{path}:1: row group 0 (from row 1) cannot be read: column \"authors.list.element\" is stored in version 2 data pages inside a list, which Parquet.Net (the decoder this build uses) cannot read; write the file with version 1 data pages (pyarrow's default, data_page_version=\"1.0\")");
    }

    private static List<ChunkRecord> WriteSampleWithArrow(string path, Compression codec, ParquetDataPageVersion pageVersion, bool dictionary)
    {
        using var jsonl = new JsonlChunkReader(SampleFiles.Chunks000);
        var records = jsonl.ReadAll().ToList();
        var batch = ToArrow(records);
        var builder = new WriterPropertiesBuilder()
            .Compression(codec)
            .DataPagesize(1024)
            .DataPageVersion(pageVersion)
            .EnableWritePageIndex()
            .EnablePageChecksum();
        using var properties = (dictionary ? builder.EnableDictionary() : builder.DisableDictionary()).Build();
        using var writer = new ParquetSharp.Arrow.FileWriter(path, batch.Schema, properties);
        writer.WriteRecordBatch(batch);
        writer.Close();
        return records;
    }

    private static IEnumerable<ChunkRecord> FromArrow(RecordBatch batch)
    {
        string? Str(string column, int row) => ((StringArray)batch.Column(column)).GetString(row);
        string[] Strings(string column, int row)
        {
            var list = (ListArray)batch.Column(column);
            var values = (StringArray)list.Values;
            return Enumerable.Range(list.ValueOffsets[row], list.GetValueLength(row)).Select(i => values.GetString(i)).ToArray();
        }

        var references = (ListArray)batch.Column("references");
        var ids = (StringArray)((StructArray)references.Values).Fields[0];
        for (var row = 0; row < batch.Length; row++)
        {
            yield return new ChunkRecord
            {
                Doi = Str("doi", row)!,
                ChunkId = ((Int64Array)batch.Column("chunk-id")).GetValue(row)!.Value,
                Chunk = Str("chunk", row)!,
                Id = Str("id", row)!,
                Title = Str("title", row)!,
                Summary = Str("summary", row)!,
                Source = Str("source", row)!,
                Authors = Strings("authors", row),
                Categories = Strings("categories", row),
                Comment = Str("comment", row),
                JournalRef = Str("journal_ref", row),
                PrimaryCategory = Str("primary_category", row)!,
                Published = Str("published", row),
                Updated = Str("updated", row),
                References = Enumerable.Range(references.ValueOffsets[row], references.GetValueLength(row))
                    .Select(i => new PaperReference(ids.GetString(i))).ToArray(),
            };
        }
    }

    private static RecordBatch ToArrow(List<ChunkRecord> records)
    {
        StringArray Strings(Func<ChunkRecord, string?> value)
        {
            var builder = new StringArray.Builder();
            foreach (var record in records)
            {
                if (value(record) is { } text)
                {
                    builder.Append(text);
                }
                else
                {
                    builder.AppendNull();
                }
            }

            return builder.Build();
        }

        ListArray List(IArrowArray values, IArrowType itemType, Func<ChunkRecord, int> count)
        {
            var offsets = new ArrowBuffer.Builder<int>();
            var offset = 0;
            offsets.Append(0);
            foreach (var record in records)
            {
                offset += count(record);
                offsets.Append(offset);
            }

            return new ListArray(new ListType(new Field("element", itemType, true)), records.Count, offsets.Build(), values, ArrowBuffer.Empty, 0);
        }

        StringArray Flat(Func<ChunkRecord, IEnumerable<string>> items)
        {
            var builder = new StringArray.Builder();
            foreach (var record in records)
            {
                builder.AppendRange(items(record));
            }

            return builder.Build();
        }

        var chunkIds = new Int64Array.Builder().AppendRange(records.Select(r => r.ChunkId)).Build();
        var ids = Flat(r => r.References.Select(x => x.Id));
        var referenceType = new StructType([new Field("id", StringType.Default, true)]);
        var referenceStructs = new StructArray(referenceType, ids.Length, [ids], ArrowBuffer.Empty, 0);
        var columns = new (string Name, IArrowArray Array)[]
        {
            ("doi", Strings(r => r.Doi)), ("chunk-id", chunkIds), ("chunk", Strings(r => r.Chunk)), ("id", Strings(r => r.Id)),
            ("title", Strings(r => r.Title)), ("summary", Strings(r => r.Summary)), ("source", Strings(r => r.Source)),
            ("authors", List(Flat(r => r.Authors), StringType.Default, r => r.Authors.Count)),
            ("categories", List(Flat(r => r.Categories), StringType.Default, r => r.Categories.Count)),
            ("comment", Strings(r => r.Comment)), ("journal_ref", Strings(r => r.JournalRef)),
            ("primary_category", Strings(r => r.PrimaryCategory)), ("published", Strings(r => r.Published)),
            ("updated", Strings(r => r.Updated)),
            ("references", List(referenceStructs, referenceType, r => r.References.Count)),
        };
        var schema = new Schema(columns.Select(c => new Field(c.Name, c.Array.Data.DataType, true)), null);
        return new RecordBatch(schema, columns.Select(c => c.Array), records.Count);
    }
}
