#!/usr/bin/env dotnet
// Validate a corpus in any readable format and print every problem with its location.
//   dotnet run samples/validate-corpus.cs -- samples/data/chunks-000.jsonl
// Outside this repository, replace the next line with: #:package PaperChunks@0.1.0
#:project ../src/PaperChunks/PaperChunks.csproj

using PaperChunks;
using PaperChunks.Formats;
using PaperChunks.Records;

var path = args.Length > 0 ? args[0] : "samples/data/chunks-000.jsonl";
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
