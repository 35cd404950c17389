#!/usr/bin/env dotnet
// Convert a corpus dump (JSONL, CSV, a dataset-viewer copy, .gz/.zst) to zstd Parquet in the Hugging Face schema.
//   dotnet run samples/convert-to-parquet.cs -- samples/data/chunks-000.jsonl chunks.parquet
// Outside this repository, replace the next line with: #:package PaperChunks@0.1.0
#:project ../src/PaperChunks/PaperChunks.csproj

using PaperChunks;
using PaperChunks.Formats;
using PaperChunks.Formats.Parquet;

var (input, output) = args.Length >= 2 ? (args[0], args[1]) : ("samples/data/chunks-000.jsonl", "chunks.parquet");
await using var reader = PaperChunksReader.OpenChunks(input, new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });
await using var writer = new ParquetChunkWriter(output, new ParquetWriterOptions { Compression = ParquetCompression.Zstd });
await writer.WriteAllAsync(reader.ReadAllAsync());   // the file appears only once complete
Console.WriteLine($"{writer.RecordsWritten} rows -> {output}; {reader.ErrorCount} bad rows skipped");
foreach (var error in reader.Errors)
{
    Console.Error.WriteLine(error.Message);
}
