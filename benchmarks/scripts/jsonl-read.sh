#!/usr/bin/env bash
# Whole-process figures for reading a 1 GB JSONL corpus: `paperchunks stats` and `validate`,
# wall time and peak resident memory (/usr/bin/time -v). Not part of CI.
#   bash benchmarks/scripts/jsonl-read.sh [CORPUS]      (default /tmp/corpus-1g.jsonl, generated if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-/tmp/corpus-1g.jsonl}
if [ ! -f "$corpus" ]; then
  python3 ../shared/bench/gen-corpus.py --rows 290000 --out "$corpus"
fi
dotnet build -c Release src/PaperChunks.Cli -nologo -v q >/dev/null
tool="dotnet src/PaperChunks.Cli/bin/Release/net10.0/PaperChunks.Cli.dll"
size=$(stat -c %s "$corpus")
cat "$corpus" >/dev/null   # warm the page cache so both runs read from memory
for verb in stats validate; do
  /usr/bin/time -v $tool $verb "$corpus" >/dev/null 2>/tmp/pc-time.txt || true
  wall=$(grep 'Elapsed (wall clock)' /tmp/pc-time.txt | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' /tmp/pc-time.txt | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  echo "$verb: $(awk -v s="$size" -v t="$secs" 'BEGIN{printf "%.0f MB in %.2f s = %.0f MB/s", s/1e6, t, s/1e6/t}'), peak RSS $((rss / 1024)) MB"
done
