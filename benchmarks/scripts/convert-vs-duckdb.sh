#!/usr/bin/env bash
# Whole-process comparison: convert the same 1 GB JSONL corpus to zstd Parquet with `paperchunks convert`
# and with DuckDB (`COPY ... TO (FORMAT parquet)`, via ../shared/bench/duckdb-convert.mjs), in one run,
# each under /usr/bin/time -v. Prints wall time, throughput, peak RSS, output size and the ratio.
# Not part of CI.
#   bash benchmarks/scripts/convert-vs-duckdb.sh [CORPUS] [DUCKDB_THREADS]
#   (default /tmp/corpus-1g.jsonl, generated if missing; DuckDB 2 threads = both cores, as paperchunks uses)
# DuckDB must be installed once: mkdir -p /tmp/duckdb && (cd /tmp/duckdb && npm init -y && npm install @duckdb/node-api)
set -euo pipefail
bench=${PAPERCHUNKS_BENCH_DIR:-../shared/bench}   # the shared corpus generator and DuckDB script
cd "$(dirname "$0")/../.."
corpus=${1:-/tmp/corpus-1g.jsonl}
threads=${2:-2}
out=$(mktemp -d /tmp/pc-convert-bench.XXXXXX)
trap 'rm -rf "$out"' EXIT
if [ ! -f "$corpus" ]; then
  python3 "$bench/gen-corpus.py" --rows 290000 --out "$corpus"
fi
dotnet build -c Release src/PaperChunks.Cli -nologo -v q >/dev/null
tool="dotnet src/PaperChunks.Cli/bin/Release/net10.0/PaperChunks.Cli.dll"
size=$(stat -c %s "$corpus")
cat "$corpus" >/dev/null   # warm the page cache so both tools read from memory

measure() {   # name, command...: runs the command under /usr/bin/time -v, prints one line, sets $secs
  local name=$1; shift
  /usr/bin/time -v "$@" >"$out/$name.stdout" 2>"$out/$name.time"
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$out/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$out/$name.time" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  printf '%-12s %s, peak RSS %d MB, output %d MB\n' "$name" \
    "$(awk -v s="$size" -v t="$secs" 'BEGIN{printf "%.0f MB in %.2f s = %.0f MB/s", s/1e6, t, s/1e6/t}')" \
    $((rss / 1024)) $(( $(du -sb "$out/$name.parquet" | cut -f1) / 1000000 ))
}

measure paperchunks $tool convert "$corpus" -o "$out/paperchunks.parquet" --compression zstd --quiet
pc=$secs
measure duckdb node "$bench/duckdb-convert.mjs" convert "$corpus" "$out/duckdb.parquet" --threads "$threads"
dk=$secs
awk -v a="$pc" -v b="$dk" 'BEGIN{printf "throughput ratio paperchunks/duckdb = %.2f (bar: 0.70)\n", b/a}'
