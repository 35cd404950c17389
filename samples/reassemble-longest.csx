// Rebuild whole papers from their chunks (any order) and print the ten longest, with their gaps.
//   dotnet script samples/reassemble-longest.csx -- samples/data/chunks-001.jsonl
#r "nuget: PaperChunks, 0.1.0"

using System.Runtime.CompilerServices;
using PaperChunks.Formats;
using PaperChunks.Reassembly;

static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

var input = Args.Count > 0 ? Args[0] : Path.Combine(SampleFolder(), "data", "chunks-001.jsonl");
if (!File.Exists(input))
{
    Console.Error.WriteLine($"{input}: no such file. Usage: dotnet script reassemble-longest.csx -- INPUT");
    return;
}

using (var reader = PaperChunksReader.OpenChunks(input))
{
    var papers = new PaperReassembler().Reassemble(reader.ReadAll()).ToList();
    foreach (var paper in papers.OrderByDescending(p => p.Text.Length).Take(10))
    {
        var gaps = paper.MissingChunkIds.Count == 0 ? "complete" : "missing " + string.Join(", ", paper.MissingChunkIds);
        Console.WriteLine($"{paper.Doi}  {paper.Text.Length,8:N0} chars  {paper.ChunkCount,3} chunks  {gaps}  {paper.Title}");
    }
}
