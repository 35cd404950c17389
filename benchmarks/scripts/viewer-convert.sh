#!/usr/bin/env bash
# Whole-process figures for `paperchunks convert` on dataset-viewer copies and a ShortScience page:
# wall time and peak resident memory (/usr/bin/time -v). Inputs are the seeds' rows repeated under one
# header (same text, realistic cell sizes) so that each file is tens of MB. Not part of CI.
#   bash benchmarks/scripts/viewer-convert.sh [REPEAT]     (default 200; writes under /tmp/viewer-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeat=${1:-200}
dir=/tmp/viewer-bench
mkdir -p "$dir"
seeds=tests/PaperChunks.Tests/Fixtures/seeds
python3 - "$seeds" "$dir" "$repeat" <<'PY'
import subprocess, sys
seeds, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
def text(name):
    return subprocess.run(["zstd", "-dc", f"{seeds}/{name}.txt.zst"], check=True, capture_output=True).stdout.decode("utf-8").split("\n")
def write(name, head, body, tail=()):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        f.write("\n".join(head) + "\n")
        for _ in range(repeat):
            f.write("\n".join(body) + "\n")
        f.write("\n".join(tail))
lines = text("000_2699f79427098fe3"); write("chunks-lines.txt", lines[:58], lines[58:])
table = text("001_cead62b47b6b98af"); end = table.index("Subsets and Splits")
write("chunks-table.txt", table[:45], table[45:end], table[end:])
tldr = text("003_808fc9e4c273956b"); write("scitldr-lines.txt", tldr[:14], tldr[14:])
page = text("004_431cd875c1dd433c"); write("shortscience.txt", page[:2], page[2:-1], page[-1:])
PY
dotnet build -c Release src/PaperChunks.Cli -nologo -v q >/dev/null
tool="dotnet src/PaperChunks.Cli/bin/Release/net10.0/PaperChunks.Cli.dll"
for input in chunks-lines chunks-table scitldr-lines shortscience; do
  file="$dir/$input.txt"
  cat "$file" >/dev/null   # warm the page cache
  /usr/bin/time -v $tool convert "$file" -o "$dir/$input.jsonl" --overwrite >/tmp/pc-out.txt 2>/tmp/pc-time.txt || { cat /tmp/pc-time.txt; exit 1; }
  wall=$(grep 'Elapsed (wall clock)' /tmp/pc-time.txt | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' /tmp/pc-time.txt | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  size=$(stat -c %s "$file")
  rows=$(sed -E 's/.*: ([0-9]+) rows.*/\1/' /tmp/pc-out.txt)
  echo "$input: $rows rows, $(awk -v s="$size" -v t="$secs" 'BEGIN{printf "%.0f MB in %.2f s = %.1f MB/s", s/1e6, t, s/1e6/t}'), peak RSS $((rss / 1024)) MB"
done
