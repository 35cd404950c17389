#!/usr/bin/env dotnet
// Validate a corpus in any readable format and print every problem with its location.
//   dotnet run samples/validate-corpus.cs -- samples/data/chunks-000.jsonl
// Without arguments it reads the sample next to this file.
// Outside this repository, replace the next line with: #:package PaperChunks@0.1.0 (see README: "Use the packages from a local feed")
#:project ../src/PaperChunks/PaperChunks.csproj

using System.Runtime.CompilerServices;
using PaperChunks;
using PaperChunks.Formats;
using PaperChunks.Records;

var path = args.Length > 0 ? args[0] : Path.Combine(SampleFolder(), "data", "chunks-000.jsonl");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"{path}: no such file. Usage: dotnet run validate-corpus.cs -- INPUT");
    return 2;
}

try
{
    await using var reader = PaperChunksReader.OpenChunks(path, new ReaderOptions { ErrorPolicy = ErrorPolicy.SkipAndReport });
    var problems = 0;
    await foreach (var chunk in reader.ReadAllAsync())
    {
        foreach (var violation in RecordValidator.Validate(chunk))
        {
            Console.WriteLine($"{path}:{reader.CurrentLine}: {violation}");
            problems++;
        }
    }

    foreach (var error in reader.Errors)
    {
        Console.WriteLine(error.Message);
    }

    Console.WriteLine($"{reader.RecordsRead} rows, {reader.ErrorCount} unreadable, {problems} rule violations");
    return problems + reader.ErrorCount > 0 ? 1 : 0;
}
catch (PaperChunksException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

// The folder of this file, wherever it is run from.
static string SampleFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
