#!/usr/bin/env dotnet
// Convert a corpus dump (JSONL, CSV, a dataset-viewer copy, .gz/.zst) to zstd Parquet in the Hugging Face schema.
//   dotnet run samples/convert-to-parquet.cs -- samples/data/chunks-000.jsonl chunks.parquet
// Without arguments it converts the sample next to this file into chunks.parquet in the current folder.
// Outside this repository, replace the next line with: #:package PaperChunks@0.1.0 (see README: "Use the packages from a local feed")
#:project ../src/PaperChunks/PaperChunks.csproj

using System.Runtime.CompilerServices;
using PaperChunks;
using PaperChunks.Conversion;
using PaperChunks.Formats.Parquet;

var input = args.Length >= 1 ? args[0] : Path.Combine(SampleFolder(), "data", "chunks-000.jsonl");
var output = args.Length >= 2 ? args[1] : "chunks.parquet";
if (!File.Exists(input))
{
    Console.Error.WriteLine($"{input}: no such file. Usage: dotnet run convert-to-parquet.cs -- INPUT [OUTPUT.parquet]");
    return 2;
}

try
{
    var report = await PaperChunksConverter.ConvertAsync([input], output, new ConvertOptions
    {
        Reader = new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport },
        Writer = new WriterOptions { Overwrite = true, Parquet = new ParquetWriterOptions { Compression = ParquetCompression.Zstd } },
    });   // the file appears only once complete
    Console.WriteLine(report);
    foreach (var error in report.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    return report.ErrorCount > 0 ? 1 : 0;
}
catch (PaperChunksException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The folder of this file, wherever it is run from.
static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
