#!/usr/bin/env dotnet
// Repair PDF-extraction damage in chunk text and print each fix (kind, before, after) and what was left undecided.
//   dotnet run samples/normalize-report.cs -- samples/data/chunks-001.jsonl
// Without arguments it reads the sample next to this file.
// Outside this repository, replace the next line with: #:package PaperChunks@0.1.0 (see README: "Use the packages from a local feed")
#:project ../src/PaperChunks/PaperChunks.csproj

using System.Runtime.CompilerServices;
using PaperChunks;
using PaperChunks.Formats;
using PaperChunks.Text;

var input = args.Length > 0 ? args[0] : Path.Combine(SampleFolder(), "data", "chunks-001.jsonl");
if (!File.Exists(input))
{
    Console.Error.WriteLine($"{input}: no such file. Usage: dotnet run normalize-report.cs -- INPUT");
    return 2;
}

try
{
    using var reader = PaperChunksReader.OpenChunks(input);
    var normalizer = new TextNormalizer();
    var fixes = 0;
    foreach (var chunk in reader.ReadAll())
    {
        var result = normalizer.Normalize(chunk.Chunk);   // clean text comes back as the same instance, no allocation
        foreach (var fix in result.Fixes)
        {
            Console.WriteLine($"{chunk.Id} @{fix.Offset}: {fix.Kind}: \"{fix.Before}\" -> \"{fix.After}\"");
            fixes++;
        }

        foreach (var undecided in result.Undecided)
        {
            Console.WriteLine($"{chunk.Id} @{undecided.Offset}: left as is: \"{undecided.Text}\" ({undecided.Reason})");
        }
    }

    Console.WriteLine($"{fixes} fixes in {reader.RecordsRead} chunks");
    return 0;
}
catch (PaperChunksException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The folder of this file, wherever it is run from.
static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
