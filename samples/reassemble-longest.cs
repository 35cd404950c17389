#!/usr/bin/env dotnet
// Rebuild whole papers from their chunks (any order) and print the ten longest, with their gaps.
//   dotnet run samples/reassemble-longest.cs -- samples/data/chunks-001.jsonl
// Outside this repository, replace the next line with: #:package PaperChunks@0.1.0
#:project ../src/PaperChunks/PaperChunks.csproj

using PaperChunks.Formats;
using PaperChunks.Reassembly;

var input = args.Length > 0 ? args[0] : "samples/data/chunks-001.jsonl";
using var reader = PaperChunksReader.OpenChunks(input);
var reassembler = new PaperReassembler();
var papers = reassembler.Reassemble(reader.ReadAll()).ToList();
foreach (var paper in papers.OrderByDescending(p => p.Text.Length).Take(10))
{
    var gaps = paper.MissingChunkIds.Count == 0 ? "complete" : "missing " + string.Join(", ", paper.MissingChunkIds);
    Console.WriteLine($"{paper.Doi}  {paper.Text.Length,8:N0} chars  {paper.ChunkCount,3} chunks  {gaps}  {paper.Title}");
}
