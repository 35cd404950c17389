using Apache.Arrow;
using FluentAssertions;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using ParquetSharp;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

/// <summary>Reassembled papers written to Parquet, read back by the Apache Arrow C++ reader (ParquetSharp).</summary>
public class ParquetPaperWriterTests
{
    [Fact]
    public async Task Writes_the_paper_schema_column_for_column()
    {
        using var temp = new TempDirectory();
        var path = temp.File("papers.parquet");
        await WriteSampleAsync(path, ParquetWriterOptions.Default);

        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        var columns = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i))
            .Select(c => $"{c.Path.ToDotString()} {c.PhysicalType} def={c.MaxDefinitionLevel} rep={c.MaxRepetitionLevel}");

        columns.Should().Equal(
            "doi ByteArray def=1 rep=0",
            "title ByteArray def=1 rep=0",
            "summary ByteArray def=1 rep=0",
            "source ByteArray def=1 rep=0",
            "authors.list.element ByteArray def=3 rep=1",
            "categories.list.element ByteArray def=3 rep=1",
            "comment ByteArray def=1 rep=0",
            "journal_ref ByteArray def=1 rep=0",
            "primary_category ByteArray def=1 rep=0",
            "published ByteArray def=1 rep=0",
            "updated ByteArray def=1 rep=0",
            "references.list.element.id ByteArray def=4 rep=1",
            "text ByteArray def=1 rep=0",
            "chunk_count Int64 def=1 rep=0",
            "missing_chunk_ids.list.element Int64 def=3 rep=1",
            "duplicate_chunk_ids.list.element Int64 def=3 rep=1",
            "spans.list.element.chunk-id Int64 def=4 rep=1",
            "spans.list.element.start Int64 def=4 rep=1",
            "spans.list.element.length Int64 def=4 rep=1");
    }

    [Fact]
    public async Task Arrow_reads_the_papers_with_equal_values()
    {
        using var temp = new TempDirectory();
        var path = temp.File("papers.parquet");
        var expected = await WriteSampleAsync(path, new ParquetWriterOptions { RowGroupRows = 2 });

        var actual = new List<PaperRecord>();
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
        actual.Select(p => p.Doi).Should().Equal("1703.03664", "1703.04247", "1703.04908", "1703.04933", "1703.05175");
        actual[3].Title.Should().Be("Sharp Minima Can Generalize For Deep Nets");
        actual[3].ChunkCount.Should().Be(24);
        actual[3].MissingChunkIds.Should().Equal(61);
        actual[4].MissingChunkIds.Should().Equal(45, 46);
    }

    [Fact]
    public async Task Closes_a_paper_row_group_at_8_MB_of_values_unless_told_otherwise()
    {
        using var temp = new TempDirectory();
        var byDefault = temp.File("default.parquet");
        var told = temp.File("told.parquet");

        // Each paper counts 10 (doi) + 1,048,576 (text) + 8 (chunk_count) + 64 = 1,048,658 bytes, so the
        // 8th paper passes 8 MB (8,388,608) and the 16th passes 16 MB.
        await WritePapersAsync(byDefault, 20, ParquetWriterOptions.Default);
        await WritePapersAsync(told, 20, new ParquetWriterOptions { RowGroupBytes = 16L * 1024 * 1024 });

        RowGroupSizes(byDefault).Should().Equal(8, 8, 4);
        RowGroupSizes(told).Should().Equal(16, 4);
    }

    private static async Task WritePapersAsync(string path, int count, ParquetWriterOptions options)
    {
        await using var writer = new ParquetPaperWriter(path, options);
        for (var i = 0; i < count; i++)
        {
            await writer.WriteAsync(new PaperRecord { Doi = $"2401.000{i:D2}", Text = new string((char)('a' + (i % 26)), 1 << 20) });
        }

        await writer.CompleteAsync();
    }

    private static long[] RowGroupSizes(string path)
    {
        using var file = new ParquetFileReader(path);
        return Enumerable.Range(0, file.FileMetaData.NumRowGroups).Select(i => file.RowGroup(i).MetaData.NumRows).ToArray();
    }

    private static async Task<List<PaperRecord>> WriteSampleAsync(string path, ParquetWriterOptions options)
    {
        using var jsonl = new JsonlChunkReader(SampleFiles.Chunks000);
        var papers = new PaperReassembler(ReassemblyOptions.Default).Reassemble(jsonl.ReadAll()).ToList();
        await using var writer = new ParquetPaperWriter(path, options);
        foreach (var paper in papers)
        {
            await writer.WriteAsync(paper);
        }

        await writer.CompleteAsync();
        return papers;
    }

    private static IEnumerable<PaperRecord> FromArrow(RecordBatch batch)
    {
        string? Str(string column, int row) => ((StringArray)batch.Column(column)).GetString(row);
        IEnumerable<int> Items(string column, int row)
        {
            var list = (ListArray)batch.Column(column);
            return Enumerable.Range(list.ValueOffsets[row], list.GetValueLength(row));
        }

        string[] Strings(string column, int row) =>
            Items(column, row).Select(i => ((StringArray)((ListArray)batch.Column(column)).Values).GetString(i)).ToArray();
        long[] Numbers(string column, int row) =>
            Items(column, row).Select(i => ((Int64Array)((ListArray)batch.Column(column)).Values).GetValue(i)!.Value).ToArray();

        var references = (StringArray)((StructArray)((ListArray)batch.Column("references")).Values).Fields[0];
        var spans = (StructArray)((ListArray)batch.Column("spans")).Values;
        long Span(int field, int i) => ((Int64Array)spans.Fields[field]).GetValue(i)!.Value;
        for (var row = 0; row < batch.Length; row++)
        {
            yield return new PaperRecord
            {
                Doi = Str("doi", row)!,
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
                References = Items("references", row).Select(i => new PaperReference(references.GetString(i))).ToArray(),
                Text = Str("text", row)!,
                ChunkCount = (int)((Int64Array)batch.Column("chunk_count")).GetValue(row)!.Value,
                MissingChunkIds = Numbers("missing_chunk_ids", row),
                DuplicateChunkIds = Numbers("duplicate_chunk_ids", row),
                Spans = Items("spans", row).Select(i => new ChunkSpan(Span(0, i), (int)Span(1, i), (int)Span(2, i))).ToArray(),
            };
        }
    }
}
