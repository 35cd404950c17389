#!/usr/bin/env bash
# Sharded vs single run (docs/performance.md, "Sharded runs"): one job over the 1 GB corpus as one process,
# then as 4 shard processes (--shard K/4), 2 at a time. Prints each process's CPU (user+sys) and peak RSS
# from /usr/bin/time -v and the ratio of the shards' total CPU to the single run's. For stats it also checks
# that `stats --merge` of the shards' reports equals the single run's report byte for byte; for convert
# (to zstd Parquet) that the shards' row counts add up to the single run's. CPU totals stay meaningful on a
# loaded machine; wall time does not.
#   bash benchmarks/scripts/shard-stats.sh [stats|convert|reassemble] [CORPUS]   (default stats, /tmp/corpus-1g.jsonl)
# BUCKETS=N first writes the corpus as a bucketed dataset (`convert --buckets N`, zstd; not counted), and every
# process is then given all of it (DIR/*/*.parquet): a shard reads only its own buckets' files (docs/scale-out.md).
# TOOL runs another build (default: a Release build of this checkout), e.g. TOOL=/tmp/aot/PaperChunks.Cli.
set -euo pipefail
cd "$(dirname "$0")/../.."
verb=${1:-stats}
corpus=${2:-/tmp/corpus-1g.jsonl}
out=${TMPDIR:-/tmp}/paperchunks-shard-$verb
rm -rf "$out" && mkdir -p "$out"
if [ ! -f "$corpus" ]; then
  flock /tmp/corpus.lock sh -c "test -f '$corpus' || python3 ../shared/bench/gen-corpus.py --rows 290000 --out '$corpus'"
fi
[ -n "${NO_BUILD:-}" ] || dotnet build -c Release src/PaperChunks.Cli -nologo -v q >/dev/null
tool=${TOOL:-"dotnet src/PaperChunks.Cli/bin/Release/net10.0/PaperChunks.Cli.dll"}
inputs="'$corpus'"
if [ -n "${BUCKETS:-}" ]; then
  $tool convert "$corpus" -o "$out/buckets" --buckets "$BUCKETS" --compression zstd --quiet >/dev/null
  inputs="$out/buckets/*/*.parquet"
  cat "$out"/buckets/*/*.parquet >/dev/null
else
  cat "$corpus" >/dev/null   # warm the page cache
fi
cpu() { awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$1"; }
rss() { awk -F': ' '/Maximum resident/{printf "%d", $2/1024}' "$1"; }
job() { # $1 = extra options, $2 = report name; a sharded convert names its output by shard itself
  case $verb in
    stats) echo "$tool stats $inputs --report json $1 >'$out/$2.json'";;
    convert) echo "$tool convert $inputs -o '$out/chunks.parquet' --compression zstd --quiet --report json $1 >'$out/$2.json'";;
    reassemble) echo "$tool reassemble $inputs -o '$out/papers.jsonl' --report json $1 >'$out/$2.json'";;
  esac
}

/usr/bin/time -v sh -c "$(job "" single)" 2>"$out/single.time"
echo "$verb single: cpu $(cpu "$out/single.time") s, peak RSS $(rss "$out/single.time") MB"
shard() { /usr/bin/time -v sh -c "$(job "--shard $1/4" "report-$1")" 2>"$out/shard-$1.time"; }
shard 0 & shard 1 & wait   # 2 at a time
shard 2 & shard 3 & wait
total=0
for k in 0 1 2 3; do
  c=$(cpu "$out/shard-$k.time")
  total=$(awk -v a="$total" -v b="$c" 'BEGIN{printf "%.2f", a+b}')
  echo "$verb shard $k/4: cpu $c s, peak RSS $(rss "$out/shard-$k.time") MB"
done
echo "$verb 4 shards: cpu $total s = $(awk -v a="$total" -v b="$(cpu "$out/single.time")" 'BEGIN{printf "%.2f", a/b}')x the single run's"
if [ "$verb" = stats ]; then
  $tool stats --merge "$out"/report-?.json --report json >"$out/merged.json"
  cmp "$out/single.json" "$out/merged.json" && echo "merged report == single run's report, byte for byte"
elif [ "$verb" = convert ]; then
  grep -h '"rows"' "$out"/single.json; grep -h '"rows"' "$out"/report-?.json | paste -sd' '
else
  sort "$out/papers.jsonl" | md5sum; cat "$out"/papers-0000?-of-00004.jsonl | sort | md5sum
fi
