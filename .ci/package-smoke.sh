#!/usr/bin/env bash
# Packs the library and the tool into a local folder, installs the tool from it into a temporary
# tool path and runs it on the sample, then builds and runs a consumer project that references the
# library package from that folder. Only the local folder and the configured NuGet feed are used.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A unique version per run, so a package cached by an earlier run is never picked up instead.
version="0.1.0-smoke.$(date +%s)"

dotnet pack PaperChunks.slnx -c Release -o "$work/feed" -p:Version="$version" -nologo -v q
ls "$work/feed"

dotnet tool install PaperChunks.Cli --version "$version" --tool-path "$work/tools" --add-source "$work/feed"
"$work/tools/paperchunks" --help >/dev/null
"$work/tools/paperchunks" stats "$repo/samples/data/chunks-000.jsonl" | tee "$work/stats.txt"
grep -q "rows                100" "$work/stats.txt"
"$work/tools/paperchunks" convert "$repo/samples/data/chunks-000.jsonl" -o "$work/sample.parquet" --compression zstd
"$work/tools/paperchunks" validate "$work/sample.parquet"

mkdir -p "$work/consumer"
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > "$work/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PaperChunks" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/consumer/Program.cs" <<'CS'
using PaperChunks.Formats;
using PaperChunks.Records;

using var reader = PaperChunksReader.OpenChunks(args[0]);
var rows = reader.ReadAll().ToList();
var papers = rows.Select(r => r.Doi).Distinct().Count();
var violations = rows.Sum(r => RecordValidator.Validate(r).Count);
Console.WriteLine($"consumer: {rows.Count} rows, {papers} papers, {violations} violations");
CS
# The consumer sits outside the repository, so the repository's props and central versions do not apply.
dotnet run --project "$work/consumer" -- "$repo/samples/data/chunks-000.jsonl" | tee "$work/consumer.txt"
grep -q "consumer: 100 rows, 5 papers, 0 violations" "$work/consumer.txt"
# A file-based app sample (dotnet run file.cs) against the packed library, as README shows for a local feed:
# its #:project line becomes #:package, and a nuget.config beside it names the feed. Run from another folder.
mkdir -p "$work/script" "$work/elsewhere"
cp "$work/consumer/nuget.config" "$work/script/"
sed "s|^#:project .*|#:package PaperChunks@$version|" samples/validate-corpus.cs > "$work/script/validate-corpus.cs"
(cd "$work/elsewhere" && dotnet run "$work/script/validate-corpus.cs" -- "$repo/samples/data/chunks-000.jsonl") | tee "$work/script.txt"
grep -q "100 rows, 0 unreadable, 0 rule violations" "$work/script.txt"
# The build-pipeline sample: a project importing the MSBuild targets converts data/*.jsonl on build,
# with the tool restored from the local tool manifest (pinned to this run's version).
mkdir -p "$work/pipeline/data" "$work/pipeline/.config"
cp samples/pipeline/PaperChunks.Convert.targets "$work/pipeline/"
sed "s/\"version\": \"0.1.0\"/\"version\": \"$version\"/" samples/pipeline/.config/dotnet-tools.json > "$work/pipeline/.config/dotnet-tools.json"
cp samples/data/chunks-000.jsonl "$work/pipeline/data/"
# A .jsonl.gz input is named by its stem too: data/chunks-001.jsonl.gz -> parquet/chunks-001.parquet.
gzip -c samples/data/chunks-001.jsonl > "$work/pipeline/data/chunks-001.jsonl.gz"
cat > "$work/pipeline/Corpus.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <Import Project="PaperChunks.Convert.targets" />
</Project>
XML
(cd "$work/pipeline" && dotnet tool restore --add-source "$work/feed" && dotnet build -nologo -v q)
test -s "$work/pipeline/parquet/chunks-000.parquet"
test -s "$work/pipeline/parquet/chunks-001.parquet"
(cd "$work/pipeline" && dotnet tool run paperchunks stats parquet/chunks-000.parquet) | tee "$work/pipeline-stats.txt"
grep -q "rows                100" "$work/pipeline-stats.txt"

echo "package smoke test passed ($version)"
