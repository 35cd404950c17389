#!/usr/bin/env dotnet
// Rebuild whole papers from their chunks (any order) and print the ten longest, with their gaps.
//   dotnet run samples/reassemble-longest.cs -- samples/data/chunks-001.jsonl
// Without arguments it reads the sample next to this file.
// Outside this repository, replace the next line with: #:package PaperChunks@0.1.0 (see README: "Use the packages from a local feed")
#:project ../src/PaperChunks/PaperChunks.csproj

using System.Runtime.CompilerServices;
using PaperChunks;
using PaperChunks.Formats;
using PaperChunks.Reassembly;

var input = args.Length > 0 ? args[0] : Path.Combine(SampleFolder(), "data", "chunks-001.jsonl");
if (!File.Exists(input))
{
    Console.Error.WriteLine($"{input}: no such file. Usage: dotnet run reassemble-longest.cs -- INPUT");
    return 2;
}

try
{
    using var reader = PaperChunksReader.OpenChunks(input);
    var reassembler = new PaperReassembler();
    var papers = reassembler.Reassemble(reader.ReadAll()).ToList();
    foreach (var paper in papers.OrderByDescending(p => p.Text.Length).Take(10))
    {
        var gaps = paper.MissingChunkIds.Count == 0 ? "complete" : "missing " + string.Join(", ", paper.MissingChunkIds);
        Console.WriteLine($"{paper.Doi}  {paper.Text.Length,8:N0} chars  {paper.ChunkCount,3} chunks  {gaps}  {paper.Title}");
    }

    Console.WriteLine(reassembler.Report);
    return 0;
}
catch (PaperChunksException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The folder of this file, wherever it is run from.
static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
