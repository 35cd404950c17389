// Convert a corpus dump (JSONL, CSV, a dataset-viewer copy, .gz/.zst) to zstd Parquet in the Hugging Face schema.
//   dotnet script samples/convert-to-parquet.csx -- samples/data/chunks-000.jsonl chunks.parquet
#r "nuget: PaperChunks, 0.1.0"

using PaperChunks;
using PaperChunks.Formats;
using PaperChunks.Formats.Parquet;

var input = Args.Count >= 2 ? Args[0] : "samples/data/chunks-000.jsonl";
var output = Args.Count >= 2 ? Args[1] : "chunks.parquet";
using (var reader = PaperChunksReader.OpenChunks(input, new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport }))
using (var writer = new ParquetChunkWriter(output, new ParquetWriterOptions { Compression = ParquetCompression.Zstd }))
{
    foreach (var chunk in reader.ReadAll())
    {
        writer.Write(chunk);
    }

    writer.Complete();   // the file appears only now
    Console.WriteLine($"{writer.RecordsWritten} rows -> {output}; {reader.ErrorCount} bad rows skipped");
}
