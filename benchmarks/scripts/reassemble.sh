#!/usr/bin/env bash
# Whole-process figures for `paperchunks reassemble` on a shuffled 1 GB corpus against plain reading
# (`paperchunks stats` on the same file): wall time, CPU time and peak resident memory (/usr/bin/time -v).
# The default reads the file in parts on every processor (--threads); --threads 1 is measured too, as
# is the one-pass path (--grouped) on the generator's doi-ordered file. Not part of CI.
#   bash benchmarks/scripts/reassemble.sh [CORPUS]   (default /tmp/corpus-1g.jsonl, generated if missing;
#                                                    its shuffled copy CORPUS-shuffled.jsonl is made with shuf)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-/tmp/corpus-1g.jsonl}
shuffled=${corpus%.jsonl}-shuffled.jsonl
gen=../shared/bench/gen-corpus.py
[ -f "$gen" ] || gen=/work/shared/bench/gen-corpus.py
if [ ! -f "$corpus" ]; then
  python3 "$gen" --rows 290000 --out "$corpus"
fi
if [ ! -f "$shuffled" ]; then
  # A fixed random source keeps the shuffle reproducible.
  shuf --random-source=<(yes) "$corpus" >"$shuffled"
fi
dotnet build -c Release src/PaperChunks.Cli -nologo -v q >/dev/null
tool="dotnet src/PaperChunks.Cli/bin/Release/net10.0/PaperChunks.Cli.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat "$corpus" "$shuffled" >/dev/null   # warm the page cache so every run reads from memory

measure() {   # name, then the command
  local name=$1; shift
  /usr/bin/time -v "$@" >"$out/stdout" 2>"$out/time" || { cat "$out/time" >&2; exit 1; }
  local wall rss user sys secs
  wall=$(grep 'Elapsed (wall clock)' "$out/time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$out/time" | awk '{print $NF}')
  user=$(grep 'User time' "$out/time" | awk '{print $NF}')
  sys=$(grep 'System time' "$out/time" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  echo "$name: $(awk -v s="$size" -v t="$secs" -v u="$user" -v y="$sys" 'BEGIN{printf "%.0f MB in %.2f s wall = %.0f MB/s, CPU %.2f s", s/1e6, t, s/1e6/t, u+y}'), peak RSS $((rss / 1024)) MB"
  echo "$secs" >"$out/$name.secs"
}

size=$(stat -c %s "$shuffled")
measure stats-shuffled $tool stats "$shuffled"
measure reassemble-shuffled $tool reassemble "$shuffled" -o "$out/papers.jsonl" --report json
grep -o '"runs_spilled": [0-9]*' "$out/stdout" || true
measure reassemble-shuffled-1-thread $tool reassemble "$shuffled" -o "$out/papers-1.jsonl" --threads 1
cmp "$out/papers.jsonl" "$out/papers-1.jsonl" && echo "outputs of both thread counts identical"
measure reassemble-grouped $tool reassemble "$corpus" --grouped -o "$out/papers-grouped.jsonl"
echo "output: $(stat -c %s "$out/papers.jsonl" | awk '{printf "%.0f MB", $1/1e6}') of papers"
awk -v r="$(cat "$out/reassemble-shuffled.secs")" -v o="$(cat "$out/reassemble-shuffled-1-thread.secs")" -v s="$(cat "$out/stats-shuffled.secs")" \
  'BEGIN{printf "reassemble / stats wall-time ratio on the shuffled file: %.2f (--threads 1: %.2f)\n", r/s, o/s}'
uptime
