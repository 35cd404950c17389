#!/usr/bin/env bash
# The worker-image build (docs/scale-out.md): publishes the tool as a NativeAOT executable, with warnings as errors,
# and runs the shard-worker tests against it (every command, JSON Lines and Parquet input, reports). Parquet.Net's
# reflection-made readers are rooted by src/PaperChunks/PaperChunks.rd.xml, which no analyzer checks: this does.
# Needs the platform's C toolchain; without clang or gcc it says so and skips, it does not pass.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if command -v clang >/dev/null; then linker=()
elif command -v gcc >/dev/null; then linker=(-p:CppCompilerAndLinker=gcc)
else echo "AOT smoke test SKIPPED: neither clang nor gcc is installed"; exit 0; fi
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)

dotnet publish src/PaperChunks.Cli -c Release -r "$rid" -p:PublishAot=true "${linker[@]}" -warnaserror -o "$work/aot" -nologo -v q
PAPERCHUNKS_TOOL="$work/aot/PaperChunks.Cli" dotnet test tests/PaperChunks.Tests --filter "FullyQualifiedName~ScaleOut.ShardWorkerTests" -v q
echo "AOT smoke test passed ($rid)"
