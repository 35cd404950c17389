using CsCheck;
using FluentAssertions;
using PaperChunks.Formats.Parquet;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

public class ParquetChunkPropertyTests
{
    private static readonly Gen<string> Text = Gen.String[0, 40];

    private static readonly Gen<ChunkRecord> Record =
        from doi in Gen.String[1, 12]
        from chunkId in Gen.Long[0, 5_000]
        from chunk in Text
        from title in Text
        from authors in Text.Array[0, 4]
        from categories in Text.Array[0, 3]
        from comment in Text.Null(0.3)
        from published in Text.Null(0.2)
        from references in Gen.String[1, 10].Array[0, 5]
        select new ChunkRecord
        {
            Doi = doi,
            ChunkId = chunkId,
            Chunk = chunk,
            Id = $"{doi}#{chunkId}",
            Title = title,
            Authors = authors,
            Categories = categories,
            Comment = comment,
            Published = published,
            References = references.Select(r => new PaperReference(r)).ToArray(),
        };

    [Fact]
    public void Reading_what_was_written_gives_the_same_records()
    {
        Record.Array[1, 40].Sample(records =>
        {
            using var file = new MemoryStream();
            using (var writer = new ParquetChunkWriter(file, new ParquetWriterOptions { RowGroupRows = 7 }))
            {
                foreach (var record in records)
                {
                    writer.Write(record);
                }

                writer.Complete();
            }

            file.Position = 0;
            using var reader = new ParquetChunkReader(file);
            reader.ReadAll().Should().Equal(records);
        }, iter: 40, threads: 1);
    }
}
