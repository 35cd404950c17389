// Rebuild whole papers from their chunks (any order) and print the ten longest, with their gaps.
//   dotnet script samples/reassemble-longest.csx -- samples/data/chunks-001.jsonl
#r "nuget: PaperChunks, 0.1.0"

using PaperChunks.Formats;
using PaperChunks.Reassembly;

var input = Args.Count > 0 ? Args[0] : "samples/data/chunks-001.jsonl";
using (var reader = PaperChunksReader.OpenChunks(input))
{
    var papers = new PaperReassembler().Reassemble(reader.ReadAll()).ToList();
    foreach (var paper in papers.OrderByDescending(p => p.Text.Length).Take(10))
    {
        var gaps = paper.MissingChunkIds.Count == 0 ? "complete" : "missing " + string.Join(", ", paper.MissingChunkIds);
        Console.WriteLine($"{paper.Doi}  {paper.Text.Length,8:N0} chars  {paper.ChunkCount,3} chunks  {gaps}  {paper.Title}");
    }
}
