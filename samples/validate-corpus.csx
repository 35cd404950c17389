// Validate a corpus in any readable format and print every problem with its location.
//   dotnet script samples/validate-corpus.csx -- samples/data/chunks-000.jsonl
#r "nuget: PaperChunks, 0.1.0"

using System.Runtime.CompilerServices;
using PaperChunks;
using PaperChunks.Formats;
using PaperChunks.Records;

static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

var path = Args.Count > 0 ? Args[0] : Path.Combine(SampleFolder(), "data", "chunks-000.jsonl");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"{path}: no such file. Usage: dotnet script validate-corpus.csx -- INPUT");
    return;
}

var problems = 0;
using (var reader = PaperChunksReader.OpenChunks(path, new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport }))
{
    foreach (var chunk in reader.ReadAll())
    {
        foreach (var violation in RecordValidator.Validate(chunk))
        {
            Console.WriteLine($"{path}:{reader.CurrentLine}: {violation}");
            problems++;
        }
    }

    Console.WriteLine($"{reader.RecordsRead} rows, {reader.ErrorCount} unreadable, {problems} rule violations");
}
