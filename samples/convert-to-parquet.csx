// Convert a corpus dump (JSONL, CSV, a dataset-viewer copy, .gz/.zst) to zstd Parquet in the Hugging Face schema.
//   dotnet script samples/convert-to-parquet.csx -- samples/data/chunks-000.jsonl chunks.parquet
// Without arguments it converts the sample next to this file. Until the package is on nuget.org, dotnet-script
// finds it through a nuget.config naming a local feed (see README: "Use the packages from a local feed").
#r "nuget: PaperChunks, 0.1.0"

using System.Runtime.CompilerServices;
using PaperChunks;
using PaperChunks.Conversion;
using PaperChunks.Formats.Parquet;

static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

var input = Args.Count >= 1 ? Args[0] : Path.Combine(SampleFolder(), "data", "chunks-000.jsonl");
var output = Args.Count >= 2 ? Args[1] : "chunks.parquet";
if (!File.Exists(input))
{
    Console.Error.WriteLine($"{input}: no such file. Usage: dotnet script convert-to-parquet.csx -- INPUT [OUTPUT.parquet]");
}
else
{
    try
    {
        var report = await PaperChunksConverter.ConvertAsync(new[] { input }, output, new ConvertOptions
        {
            Reader = new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport },
            Writer = new WriterOptions { Overwrite = true, Parquet = new ParquetWriterOptions { Compression = ParquetCompression.Zstd } },
        });   // the file appears only once complete
        Console.WriteLine(report);
    }
    catch (PaperChunksException e)
    {
        Console.Error.WriteLine(e.Message);
    }
}
