#!/usr/bin/env bash
# Is the NativeAOT build of paperchunks the same tool as the JIT build? Publishes the CLI with PublishAot=true
# and builds it as usual, both from this checkout, runs the same jobs with each (convert to and from every
# format, stats, reassemble, normalize, the variant fixtures with their extra columns, dataset cards, a Parquet
# file whose extra columns have many types, damaged Parquet), and compares every output file, report, error
# message and exit code byte for byte. Prints the publish's trim/AOT warnings (IL2xxx, IL3xxx), one line per case,
# and exits 1 on any difference or on a warning from the library (src/PaperChunks/). Not part of CI: the publish
# takes 3-5 minutes on two cores.
#
#   bash benchmarks/scripts/aot-check.sh
#   AOT_DIR (default /tmp/aot-lib), JIT_DIR (default /tmp/jit-lib): where the two builds go.
#   AOT_CMD, JIT_CMD: run these commands instead of building, e.g. JIT_CMD="dotnet /tmp/old/PaperChunks.Cli.dll"
#     to hold an older build against a newer one (either side may be any build).
#   WORK (default /tmp/aot-check): the cases' outputs, WORK/a (AOT) and WORK/b (JIT); replaced on each run.
#   DUCKDB_NODE_DIR (default /tmp/duckdb): DuckDB for Node, installed there with npm if missing; it writes the
#     many-types Parquet file.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
aot_dir=${AOT_DIR:-/tmp/aot-lib}
jit_dir=${JIT_DIR:-/tmp/jit-lib}
work=${WORK:-/tmp/aot-check}
export DUCKDB_NODE_DIR=${DUCKDB_NODE_DIR:-/tmp/duckdb}
status=0

if [ -z "${AOT_CMD:-}" ]; then
  log=$(mktemp /tmp/aot-check-publish.XXXXXX.log)
  # Warnings stay warnings, and each package's come one by one (TrimmerSingleWarn=false) instead of as the per-assembly
  # summary (IL2104, IL3053) that the tool's project suppresses: so every one is listed here.
  if ! dotnet publish src/PaperChunks.Cli -c Release -r linux-x64 -m:1 -p:PublishAot=true -p:TreatWarningsAsErrors=false \
      -p:TrimmerSingleWarn=false -p:CppCompilerAndLinker=gcc -o "$aot_dir" >"$log" 2>&1; then
    tail -30 "$log"; echo "AOT publish failed (log: $log)"; exit 1
  fi
  count() { [ -z "$1" ] && echo 0 || printf '%s\n' "$1" | wc -l; }
  all=$(grep -E '(warning|error) IL[0-9]+' "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u)
  library=$(printf '%s\n' "$all" | grep -E 'IL[0-9]+: PaperChunks\.|/src/PaperChunks/' | grep -vE 'IL[0-9]+: PaperChunks\.Cli\.|/src/PaperChunks\.Cli/')
  tool=$(printf '%s\n' "$all" | grep -E 'IL[0-9]+: PaperChunks\.Cli\.|/src/PaperChunks\.Cli/')
  others=$(printf '%s\n' "$all" | grep -vE 'IL[0-9]+: PaperChunks\.|/src/PaperChunks')
  echo "publish: $(count "$library") trim/AOT warnings from the library, $(count "$tool") from the tool, $(count "$others") from packages (log: $log)"
  printf '%s\n' "$library" "$tool" "$others" | grep . | cut -c1-260 | sed 's/^/  /'
  [ -n "$library" ] && status=1
  aot_cmd="$aot_dir/PaperChunks.Cli"
else
  aot_cmd=$AOT_CMD
fi
if [ -z "${JIT_CMD:-}" ]; then
  dotnet build src/PaperChunks.Cli -c Release -m:1 -nologo -v q -o "$jit_dir" >/dev/null || { echo "JIT build failed"; exit 1; }
  jit_cmd="dotnet $jit_dir/PaperChunks.Cli.dll"
else
  jit_cmd=$JIT_CMD
fi

if [ ! -d "$DUCKDB_NODE_DIR/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$DUCKDB_NODE_DIR"
  (cd "$DUCKDB_NODE_DIR" && npm init -y >/dev/null && npm install --silent @duckdb/node-api) || { echo "npm install of DuckDB failed"; exit 1; }
fi

rm -rf "$work"
inputs=$work/inputs
mkdir -p "$inputs" "$work/a" "$work/b"
sample=$repo/samples/data/chunks-000.jsonl
fixtures=$repo/tests/PaperChunks.Tests/Fixtures

# Inputs no fixture has. Rows of a column set paperchunks does not model, with text to repair (normalize's generic path).
printf '%s\n' '{"id":"a\u00e9<b>","text":"The e\ufb03cient \u201cmodel\u201d caf\u00c3\u00a9 <tag> & more","n":1}' \
  '{"id":"b\ufb01","text":"signi\ufb01cant","n":2}' >"$inputs/generic.jsonl"
# Chunk rows whose extra columns hold many Parquet types (and nulls), then shapes the reader refuses, one per file.
node - "$sample" "$inputs" <<'EOF' || { echo "DuckDB could not write the typed Parquet files"; exit 1; }
const { createRequire } = require('node:module');
const path = require('node:path');
const duck = createRequire(path.join(path.resolve(process.env.DUCKDB_NODE_DIR), 'package.json'))('@duckdb/node-api');
const [input, out] = process.argv.slice(2);
const chunks = `(SELECT *, row_number() OVER () AS i FROM read_json('${input}', format = 'newline_delimited', columns = {
  'doi': 'VARCHAR', 'chunk-id': 'BIGINT', 'chunk': 'VARCHAR', 'id': 'VARCHAR', 'title': 'VARCHAR', 'summary': 'VARCHAR',
  'source': 'VARCHAR', 'authors': 'VARCHAR[]', 'categories': 'VARCHAR[]', 'comment': 'VARCHAR', 'journal_ref': 'VARCHAR',
  'primary_category': 'VARCHAR', 'published': 'VARCHAR', 'updated': 'VARCHAR', 'references': 'STRUCT(id VARCHAR)[]'}) LIMIT 8)`;
const files = {
  'types.parquet': `CASE WHEN i < 6 THEN i::TINYINT END AS i8, (i*300)::SMALLINT AS i16, (i*70000)::INTEGER AS i32,
    (i*5000000000)::BIGINT AS i64, i::UTINYINT AS u8, (i*300)::USMALLINT AS u16, (i*70000)::UINTEGER AS u32,
    (i*5000000000)::UBIGINT AS u64, (i/3)::FLOAT AS f32, (i/7)::DOUBLE AS f64, (i%2=0) AS b,
    (i*1.125)::DECIMAL(9,3) AS d9, (i*1.125)::DECIMAL(18,4) AS d18, (i*1.125)::DECIMAL(38,10) AS d38,
    DATE '2024-01-01' + i::INTEGER AS dt, TIMESTAMP '2024-01-01 12:34:56.789' + INTERVAL (i) HOUR AS ts,
    TIMESTAMPTZ '2024-01-01 12:34:56+00' AS tstz, TIME '12:34:56' AS tm, 'str ' || i || ' é "q" <x>' AS s,
    CASE WHEN i < 6 THEN [i, i+1, NULL] END AS li, [i/4, 0.5]::DOUBLE[] AS lf, ['a', NULL, 'b' || i] AS ls,
    [DATE '2024-01-01'] AS ld, i::HUGEINT AS hi, NULL::VARCHAR AS nul`,
  'binary.parquet': `('bl' || i)::BLOB AS bin`,
  'struct.parquet': `{'a': i, 'b': 'x' || i} AS st`,
  'struct-list.parquet': `[{'k': 'r' || i}] AS sl`,
  'nested-list.parquet': `[[1, 2], [3]] AS ll`,
  'uuid.parquet': `('12345678-1234-5678-1234-5678123456' || lpad(i::VARCHAR, 2, '0'))::UUID AS uv`,
  'map.parquet': `MAP {'k': i} AS m`,
  'interval.parquet': `INTERVAL (i) DAY AS iv`,
};
(async () => {
  const con = await (await duck.DuckDBInstance.create(':memory:')).connect();
  for (const [name, columns] of Object.entries(files)) {
    await con.run(`COPY (SELECT c.*, ${columns} FROM ${chunks} c) TO '${path.join(out, name)}' (FORMAT parquet)`);
  }
})().catch(e => { console.error(e.message); process.exit(1); });
EOF

# One case: NAME, then the command's arguments; it runs in its own folder on each side, so that the paths in
# messages are the same. Its stdout is kept unless the case's name ends in "~" (convert's summary has a time in it).
run() {
  local name=$1; shift
  local keep=1
  [ "${name%\~}" != "$name" ] && { keep=0; name=${name%\~}; }
  for side in a b; do
    local cmd=$aot_cmd; [ $side = b ] && cmd=$jit_cmd
    mkdir -p "$work/$side/$name"
    (cd "$work/$side/$name" && $cmd "$@" >stdout.txt 2>stderr.txt; echo $? >exit.txt)
    [ $keep = 1 ] || rm "$work/$side/$name/stdout.txt"
  done
  if diff -r "$work/a/$name" "$work/b/$name" >"$work/$name.diff" 2>&1; then
    printf 'same     %-28s exit %s, %s files\n' "$name" "$(cat "$work/a/$name/exit.txt")" "$(find "$work/a/$name" -type f | wc -l)"
    rm "$work/$name.diff"
  else
    printf 'DIFFERS  %-28s (diff -r %s %s)\n' "$name" "$work/a/$name" "$work/b/$name"
    head -20 "$work/$name.diff" | cut -c1-300 | sed 's/^/    /'
    status=1
  fi
}
# A file another case wrote, on this case's side (each side reads its own build's output).
from() { echo "../$1"; }

run 'convert-parquet~' convert "$sample" -o s.parquet -q
run 'convert-csv~' convert "$sample" -o s.csv -q
run 'convert-zst~' convert "$sample" -o s.jsonl.zst -q
run 'convert-gz~' convert "$sample" -o s.jsonl.gz -q
run 'convert-zstd-parquet~' convert "$sample" -o z.parquet --compression zstd --row-group-rows 30 -q
run 'parquet-to-jsonl~' convert "$(from convert-parquet/s.parquet)" -o back.jsonl -q
run 'zstd-parquet-to-csv~' convert "$(from convert-zstd-parquet/z.parquet)" -o back.csv -q
run 'csv-to-jsonl~' convert "$(from convert-csv/s.csv)" -o back.jsonl -q
run 'zst-to-parquet~' convert "$(from convert-zst/s.jsonl.zst)" -o back.parquet -q
run stats-parquet stats "$(from convert-parquet/s.parquet)"
run stats-csv stats "$(from convert-csv/s.csv)"
run stats-jsonl stats "$sample" "$repo/samples/data/chunks-001.jsonl"
run reassemble-to-jsonl reassemble "$(from convert-parquet/s.parquet)" -o papers.jsonl
run reassemble-to-parquet reassemble "$(from convert-parquet/s.parquet)" -o papers.parquet
run reassemble-normalize reassemble "$sample" -o papers.jsonl.gz --normalize --gap-markers
run normalize-seed normalize "$fixtures/seeds/000_2699f79427098fe3.txt.zst" -o normalized.jsonl
run normalize-seed-parquet normalize "$fixtures/seeds/000_2699f79427098fe3.txt.zst" -o normalized.parquet
run normalize-scitldr normalize "$fixtures/seeds/003_808fc9e4c273956b.txt.zst" -o normalized.jsonl --scitldr-markers
run normalize-generic normalize "$inputs/generic.jsonl" -o normalized.jsonl --field text --field id
run normalize-semantic normalize "$fixtures/variants/ai-arxiv2-semantic-chunks.jsonl" -o normalized.parquet
for seed in "$fixtures"/seeds/*.zst; do
  name=seed-$(basename "$seed" | cut -c1-3)
  run "$name-to-parquet~" convert "$seed" -o seed.parquet -q
  run "$name-back~" convert "$(from "$name-to-parquet/seed.parquet")" -o seed.jsonl -q
done
for variant in "$fixtures"/variants/*.jsonl; do
  name=$(basename "$variant" .jsonl)
  run "$name-to-parquet~" convert "$variant" -o v.parquet -q
  run "$name-parquet-back~" convert "$(from "$name-to-parquet/v.parquet")" -o v.jsonl -q
  run "$name-to-csv~" convert "$variant" -o v.csv -q
  run "$name-csv-back~" convert "$(from "$name-to-csv/v.csv")" -o v.jsonl -q
done
run 'scan-columns-parquet~' convert "$fixtures/variants/extra-columns.jsonl" -o v.parquet --scan-columns -q
run 'card-single~' convert "$sample" -o card --dataset-card -q
run 'card-sharded~' convert "$sample" -o card --shard-rows 40 --dataset-card -q
run 'card-nested~' convert "$sample" -o card --partition-by primary_category --dataset-card -q
run 'card-variant~' convert "$fixtures/variants/extra-columns.jsonl" -o card --dataset-card -q
run 'card-of-types~' convert "$inputs/types.parquet" -o card --dataset-card -q
run 'types-to-jsonl~' convert "$inputs/types.parquet" -o types.jsonl -q
run 'types-to-csv~' convert "$inputs/types.parquet" -o types.csv -q
run types-stats stats "$inputs/types.parquet"
for refused in binary struct struct-list nested-list uuid map interval; do
  run "refused-$refused~" convert "$inputs/$refused.parquet" -o out.jsonl -q
done

# Damaged Parquet: a page's bytes overwritten, and a file cut short; each must be reported as the same damage.
mkdir -p "$work/damaged"
damage() { cp "$work/a/convert-parquet/s.parquet" "$work/damaged/$1"; printf "$2" | dd of="$work/damaged/$1" bs=1 seek="$3" conv=notrunc status=none; }
damage page.parquet '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' 40
damage header.parquet '\031\031\031\031\031\031\031\031' 4
damage values.parquet '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' 2000
head -c 30000 "$work/a/convert-parquet/s.parquet" >"$work/damaged/short.parquet"
# Single bits flipped across the first pages and across the footer, a few hundred bytes apart: what Parquet.Net
# throws for a code it has no case for (NotSupportedException, NotImplementedException, InvalidOperationException,
# NullReferenceException) is damage only when its own code threw it, which ParquetInput tells from the stack trace;
# both builds must tell it alike.
python3 - "$work/a/convert-parquet/s.parquet" "$work/damaged" <<'EOF' || { echo "python3 could not write the mutants"; exit 1; }
import struct, sys
data = open(sys.argv[1], 'rb').read()
footer = struct.unpack('<I', data[-8:-4])[0]
start = len(data) - 8 - footer
spots = [4 + 23 * k for k in range(12)] + [start + k * footer // 36 for k in range(36)]
for k, at in enumerate(spots):
    mutant = bytearray(data)
    mutant[at] ^= 1 << (k % 8)
    open(f'{sys.argv[2]}/bit-{k:02}.parquet', 'wb').write(mutant)
EOF
for damaged in "$work"/damaged/*.parquet; do
  run "damaged-$(basename "$damaged" .parquet)~" convert "$damaged" -o out.jsonl -q --on-error skip
done

[ $status = 0 ] && echo "aot-check: every case is the same in both builds" || echo "aot-check: differences (above)"
exit $status
