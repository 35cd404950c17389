// Repair PDF-extraction damage in chunk text and print each fix (kind, before, after) and what was left undecided.
//   dotnet script samples/normalize-report.csx -- samples/data/chunks-001.jsonl
#r "nuget: PaperChunks, 0.1.0"

using System.Runtime.CompilerServices;
using PaperChunks.Formats;
using PaperChunks.Text;

static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

var input = Args.Count > 0 ? Args[0] : Path.Combine(SampleFolder(), "data", "chunks-001.jsonl");
if (!File.Exists(input))
{
    Console.Error.WriteLine($"{input}: no such file. Usage: dotnet script normalize-report.csx -- INPUT");
    return;
}

var normalizer = new TextNormalizer();
var fixes = 0;
using (var reader = PaperChunksReader.OpenChunks(input))
{
    foreach (var chunk in reader.ReadAll())
    {
        var result = normalizer.Normalize(chunk.Chunk);
        foreach (var fix in result.Fixes)
        {
            Console.WriteLine($"{chunk.Id} @{fix.Offset}: {fix.Kind}: \"{fix.Before}\" -> \"{fix.After}\"");
            fixes++;
        }
    }

    Console.WriteLine($"{fixes} fixes in {reader.RecordsRead} chunks");
}
