#!/usr/bin/env bash
# Issue 20's yardstick: the four heavy jobs, PaperChunks and DuckDB side by side in one run, whole
# processes under /usr/bin/time -v, in interleaved rounds (round 1: PaperChunks then DuckDB for every
# job, round 2 the same, ...), so that a change in the machine's load hits both tools alike. Checks that
# both tools' outputs hold the same number of rows, then prints one table of medians with the ratios
# (DuckDB wall time / PaperChunks wall time: above 1 means PaperChunks is faster). Not part of CI.
#
#   bash benchmarks/scripts/vs-duckdb.sh [ROUNDS] [CORPUS]
#     ROUNDS  default 3
#     CORPUS  default /tmp/corpus-1g.jsonl (generated if missing, with its shuffled copy for reassembly)
#   DUCKDB_THREADS (default 2, both cores of the reference machine), PAPERCHUNKS_BENCH_DIR (the shared
#   corpus generator's folder, default ../shared/bench), DUCKDB_NODE_DIR (default /tmp/duckdb; DuckDB is
#   installed there with npm if missing), PAPERCHUNKS_TOOL (the tool to run instead of a Release build of
#   this checkout, e.g. /tmp/aot/PaperChunks.Cli).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
corpus=${2:-/tmp/corpus-1g.jsonl}
shuffled=${corpus%.jsonl}-shuffled.jsonl
threads=${DUCKDB_THREADS:-2}
bench=${PAPERCHUNKS_BENCH_DIR:-../shared/bench}
[ -f "$bench/gen-corpus.py" ] || bench=/work/shared/bench
export DUCKDB_NODE_DIR=${DUCKDB_NODE_DIR:-/tmp/duckdb}
duck="node benchmarks/scripts/duckdb-jobs.mjs"

if [ ! -d "$DUCKDB_NODE_DIR/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$DUCKDB_NODE_DIR"
  (cd "$DUCKDB_NODE_DIR" && npm init -y >/dev/null && npm install --silent @duckdb/node-api)
fi
[ -f "$corpus" ] || python3 "$bench/gen-corpus.py" --rows 290000 --out "$corpus"
# A fixed random source keeps the shuffle reproducible.
[ -f "$shuffled" ] || shuf --random-source=<(yes) "$corpus" >"$shuffled"
# PAPERCHUNKS_TOOL measures another build, e.g. the NativeAOT executable (docs/scale-out.md, worker images).
if [ -n "${PAPERCHUNKS_TOOL:-}" ]; then pc=$PAPERCHUNKS_TOOL; else
  dotnet build -c Release src/PaperChunks.Cli -nologo -v q >/dev/null
  pc="dotnet src/PaperChunks.Cli/bin/Release/net10.0/PaperChunks.Cli.dll"
fi

out=$(mktemp -d /tmp/pc-vs-duckdb.XXXXXX)
trap 'rm -rf "$out"' EXIT
# Parquet -> JSONL reads one file both tools share, written once by PaperChunks with zstd.
$pc convert "$corpus" -o "$out/corpus.parquet" --compression zstd --quiet >/dev/null
cat "$corpus" "$shuffled" "$out/corpus.parquet" >/dev/null   # warm the page cache

results=$out/results.tsv   # job, tool, round, wall s, cpu s, peak MB, rows
measure() {   # job tool round rows-command -- command...
  local job=$1 tool=$2 round=$3 rows_cmd=$4; shift 5
  rm -rf "$out/job"; mkdir "$out/job"
  /usr/bin/time -v "$@" >"$out/stdout" 2>"$out/time" || { cat "$out/time" >&2; exit 1; }
  local wall user sys rss
  wall=$(grep 'Elapsed (wall clock)' "$out/time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  user=$(grep 'User time' "$out/time" | awk '{print $NF}')
  sys=$(grep 'System time' "$out/time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$out/time" | awk '{print int($NF / 1024)}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$job" "$tool" "$round" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$rss" "$(eval "$rows_cmd")" >>"$results"
  printf '  round %s %-11s %-10s %6.2f s wall, peak %5d MB\n' "$round" "$job" "$tool" "$wall" "$rss" >&2
}
lines='wc -l <"$out/job/out.jsonl"'
parquet_rows="$duck rows \"\$out/job/out.parquet\" | sed 's/.*\"rows\":\([0-9]*\).*/\1/'"

for round in $(seq 1 "$rounds"); do
  measure convert paperchunks "$round" "$parquet_rows" -- \
    $pc convert "$corpus" -o "$out/job/out.parquet" --compression zstd --quiet
  measure convert duckdb "$round" "$parquet_rows" -- \
    $duck convert "$corpus" "$out/job/out.parquet" --threads "$threads"
  measure read paperchunks "$round" 'sed -n "s/^    \"rows\": \([0-9]*\),/\1/p" "$out/stdout" | head -1' -- \
    $pc stats "$corpus" --report json
  measure read duckdb "$round" 'sed "s/.*\"rows\":\([0-9]*\).*/\1/" "$out/stdout"' -- \
    $duck scan "$corpus" --threads "$threads"
  measure to-jsonl paperchunks "$round" "$lines" -- \
    $pc convert "$out/corpus.parquet" -o "$out/job/out.jsonl"
  measure to-jsonl duckdb "$round" "$lines" -- \
    $duck to-jsonl "$out/corpus.parquet" "$out/job/out.jsonl" --threads "$threads"
  measure reassemble paperchunks "$round" "$lines" -- \
    $pc reassemble "$shuffled" -o "$out/job/out.jsonl"
  measure reassemble duckdb "$round" "$lines" -- \
    $duck group "$shuffled" "$out/job/out.jsonl" --threads "$threads"
done

echo
echo "$(stat -c %s "$corpus" | awk '{printf "%.0f", $1/1e6}') MB corpus, $rounds interleaved rounds, DuckDB $($duck rows "$out/corpus.parquet" >/dev/null; node -e "const r=require('module').createRequire('$DUCKDB_NODE_DIR/package.json');console.log(r('@duckdb/node-api/package.json').version)") with $threads threads, medians:"
echo
echo "| job | DuckDB wall / CPU / peak | PaperChunks wall / CPU / peak | rows (both) | ratio (DuckDB wall ÷ ours) | bar |"
echo "|---|---|---|---|---|---|"
for job in convert read to-jsonl reassemble; do
  case $job in convert) bar=1.5;; read) bar=1.0;; to-jsonl) bar=1.5;; reassemble) bar=1.5;; esac
  awk -F'\t' -v job="$job" -v bar="$bar" '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $1 == job { wall[$2] = wall[$2] " " $4; cpu[$2] = cpu[$2] " " $5; rss[$2] = rss[$2] " " $6; rows[$2] = rows[$2] " " $7 }
    END {
      split(rows["duckdb"], d, " "); split(rows["paperchunks"], p, " ")
      same = "yes"; for (i in d) if (d[i] != p[i]) same = "NO: " rows["duckdb"] " vs" rows["paperchunks"]
      dw = median(wall["duckdb"]); pw = median(wall["paperchunks"])
      printf "| %s | %.2f s / %.2f s / %d MB | %.2f s / %.2f s / %d MB | %s %s | %.2f | %.1f |\n", job,
        dw, median(cpu["duckdb"]), median(rss["duckdb"]), pw, median(cpu["paperchunks"]), median(rss["paperchunks"]),
        d[1], same, dw / pw, bar
    }' "$results"
done
echo
echo "Every round (job, tool, round, wall s, CPU s, peak MB, rows):"
cat "$results"
