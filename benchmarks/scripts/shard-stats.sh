#!/usr/bin/env bash
# Sharded vs single run (docs/performance.md, "Sharded runs"): `paperchunks stats` over the 1 GB corpus as
# one process, then as 4 shard processes (--shard K/4), 2 at a time, and `stats --merge` of their reports.
# Prints each process's CPU (user+sys) and peak RSS from /usr/bin/time -v, and checks that the merged
# report equals the single run's byte for byte. CPU totals stay meaningful on a loaded machine; wall time does not.
#   bash benchmarks/scripts/shard-stats.sh [CORPUS]      (default /tmp/corpus-1g.jsonl, generated if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-/tmp/corpus-1g.jsonl}
out=${TMPDIR:-/tmp}/paperchunks-shard-stats
mkdir -p "$out"
if [ ! -f "$corpus" ]; then
  flock /tmp/corpus.lock sh -c "test -f '$corpus' || python3 ../shared/bench/gen-corpus.py --rows 290000 --out '$corpus'"
fi
dotnet build -c Release src/PaperChunks.Cli -nologo -v q >/dev/null
tool="dotnet src/PaperChunks.Cli/bin/Release/net10.0/PaperChunks.Cli.dll"
cat "$corpus" >/dev/null   # warm the page cache
cpu() { awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$1"; }
rss() { awk -F': ' '/Maximum resident/{printf "%d", $2/1024}' "$1"; }

/usr/bin/time -v $tool stats "$corpus" --report json >"$out/single.json" 2>"$out/single.time"
echo "single: cpu $(cpu "$out/single.time") s, peak RSS $(rss "$out/single.time") MB"

printf '%s\n' 0 1 2 3 | xargs -P 2 -I{} sh -c \
  "/usr/bin/time -v $tool stats '$corpus' --shard {}/4 --report json >'$out/report-{}.json' 2>'$out/shard-{}.time'"
total=0
for k in 0 1 2 3; do
  c=$(cpu "$out/shard-$k.time")
  total=$(awk -v a="$total" -v b="$c" 'BEGIN{printf "%.2f", a+b}')
  echo "shard $k/4: cpu $c s, peak RSS $(rss "$out/shard-$k.time") MB"
done
echo "4 shards: cpu $total s = $(awk -v a="$total" -v b="$(cpu "$out/single.time")" 'BEGIN{printf "%.2f", a/b}')x the single run"
$tool stats --merge "$out"/report-?.json --report json >"$out/merged.json"
cmp "$out/single.json" "$out/merged.json" && echo "merged report == single run's report (byte for byte)"
