using FluentAssertions;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using ParquetSharp;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

public class ParquetChunkReaderTests
{
    [Fact]
    public void Rejects_a_file_that_is_not_Parquet_with_its_name()
    {
        using var temp = new TempDirectory();
        var path = temp.File("chunks.parquet");
        File.Copy(SampleFiles.Chunks000, path);
        using var reader = new ParquetChunkReader(path);

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().StartWith($"{path}: expected a Parquet file, found ");
    }

    [Fact]
    public void Reports_a_missing_optional_column_as_absent()
    {
        using var temp = new TempDirectory();
        var path = temp.File("few.parquet");
        WriteFile(
            path,
            [new Column<string>(ChunkColumns.Doi), new Column<long>(ChunkColumns.ChunkId), new Column<string>(ChunkColumns.Chunk)],
            rowGroup =>
            {
                Values(rowGroup, "1703.04933");
                Values(rowGroup, 40L);
                Values(rowGroup, "text");
            });

        using var reader = new ParquetChunkReader(path);
        var record = reader.Read()!;

        record.Doi.Should().Be("1703.04933");
        record.ChunkId.Should().Be(40);
        record.AbsentFields.Should().HaveFlag(ChunkFields.Title).And.HaveFlag(ChunkFields.References);
        record.AbsentFields.Should().NotHaveFlag(ChunkFields.Chunk);
        reader.Read().Should().BeNull();
    }

    [Fact]
    public void Rejects_a_file_without_the_chunk_column()
    {
        using var temp = new TempDirectory();
        var path = temp.File("nochunk.parquet");
        WriteFile(path, [new Column<string>(ChunkColumns.Doi), new Column<long>(ChunkColumns.ChunkId)]);

        using var reader = new ParquetChunkReader(path);

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be($"{path}: field \"chunk\": expected this column, found none");
    }

    [Fact]
    public void Rejects_a_chunk_id_column_of_doubles()
    {
        using var temp = new TempDirectory();
        var path = temp.File("doubleid.parquet");
        WriteFile(path, [new Column<string>(ChunkColumns.Doi), new Column<double>(ChunkColumns.ChunkId), new Column<string>(ChunkColumns.Chunk)]);

        using var reader = new ParquetChunkReader(path);

        var act = () => reader.Read();

        act.Should().Throw<PaperChunksFormatException>()
            .Which.Message.Should().Be($"{path}: field \"chunk-id\": expected an int64 column or a string column of digits, found Double");
    }

    [Fact]
    public void Skips_a_row_with_a_null_doi_and_reports_it()
    {
        using var temp = new TempDirectory();
        var path = temp.File("nulldoi.parquet");
        WriteFile(
            path,
            [new Column<string>(ChunkColumns.Doi), new Column<long?>(ChunkColumns.ChunkId), new Column<string>(ChunkColumns.Chunk)],
            rowGroup =>
            {
                Values<string?>(rowGroup, null, "1511.07289");
                Values<long?>(rowGroup, 0L, 1L);
                Values(rowGroup, "a", "b");
            });

        using var reader = new ParquetChunkReader(path, new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });
        var records = reader.ReadAll().ToList();

        records.Should().ContainSingle().Which.Doi.Should().Be("1511.07289");
        reader.CurrentLine.Should().Be(2);
        reader.Errors.Should().ContainSingle()
            .Which.Message.Should().Be($"{path}: field \"doi\": row 1: expected a value, found null");
    }

    private static void WriteFile(string path, Column[] columns, Action<RowGroupWriter>? rows = null)
    {
        using var file = new ParquetFileWriter(path, columns);
        if (rows is not null)
        {
            using var rowGroup = file.AppendRowGroup();
            rows(rowGroup);
        }

        file.Close();
    }

    private static void Values<T>(RowGroupWriter rowGroup, params T[] values)
    {
        using var column = rowGroup.NextColumn().LogicalWriter<T>();
        column.WriteBatch(values);
    }
}
