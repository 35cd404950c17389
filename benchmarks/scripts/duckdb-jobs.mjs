#!/usr/bin/env node
// DuckDB's side of benchmarks/scripts/vs-duckdb.sh: the same four heavy jobs PaperChunks runs, each as
// the query a user would write, so that the two tools can be timed side by side in one run.
//
// Dependency, installed once into a scratch folder (never into the repository):
//   mkdir -p /tmp/duckdb && (cd /tmp/duckdb && npm init -y && npm install @duckdb/node-api)
//
// Usage (one JSON line on stdout with the in-process time and the rows the job produced):
//   node duckdb-jobs.mjs convert   IN.jsonl   OUT.parquet  [--threads N]   JSONL -> zstd Parquet
//   node duckdb-jobs.mjs scan      IN.jsonl                [--threads N]   read every row and field
//   node duckdb-jobs.mjs to-jsonl  IN.parquet OUT.jsonl    [--threads N]   Parquet -> JSONL
//   node duckdb-jobs.mjs group     IN.jsonl   OUT.jsonl    [--threads N]   one row per paper (no overlap removal)
//   node duckdb-jobs.mjs rows      FILE                                    rows in a .jsonl or .parquet file
import { createRequire } from 'node:module';
import path from 'node:path';

const modDir = process.env.DUCKDB_NODE_DIR || '/tmp/duckdb';
const require = createRequire(path.join(path.resolve(modDir), 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

// The corpus's schema, given explicitly: auto-detection would sample the file and time that too.
const COLUMNS = `{
  'doi': 'VARCHAR', 'chunk-id': 'BIGINT', 'chunk': 'VARCHAR', 'id': 'VARCHAR',
  'title': 'VARCHAR', 'summary': 'VARCHAR', 'source': 'VARCHAR',
  'authors': 'VARCHAR[]', 'categories': 'VARCHAR[]',
  'comment': 'VARCHAR', 'journal_ref': 'VARCHAR', 'primary_category': 'VARCHAR',
  'published': 'VARCHAR', 'updated': 'VARCHAR',
  'references': 'STRUCT(id VARCHAR)[]'
}`;

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const json = (file) => `read_json(${q(file)}, format='newline_delimited', columns=${COLUMNS})`;

const [job, input, output] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run(`SET threads=${Number(arg('--threads', '2'))}`);
const scalar = async (sql) => (await conn.runAndReadAll(sql)).getRows()[0].map(Number);

const jobs = {
  convert: async () => {
    await conn.run(`COPY (SELECT * FROM ${json(input)}) TO ${q(output)} (FORMAT parquet, COMPRESSION zstd)`);
    return {};
  },
  scan: async () => {
    const [rows, chunkChars, summaryChars, authors, references] = await scalar(
      `SELECT count(*), sum(length(chunk)), sum(length(summary)), sum(len(authors)), sum(len("references"))
       FROM ${json(input)}`);
    return { rows, chunkChars, summaryChars, authors, references };
  },
  'to-jsonl': async () => {
    await conn.run(`COPY (SELECT * FROM read_parquet(${q(input)})) TO ${q(output)} (FORMAT json)`);
    return {};
  },
  group: async () => {
    await conn.run(`COPY (SELECT doi, any_value(title) AS title,
                           string_agg(chunk, chr(10) ORDER BY "chunk-id") AS text
                         FROM ${json(input)} GROUP BY doi) TO ${q(output)} (FORMAT json)`);
    return {};
  },
  rows: async () => {
    const from = input.endsWith('.parquet') ? `read_parquet(${q(input)})`
      : `read_json(${q(input)}, format='newline_delimited', columns={'doi': 'VARCHAR'})`;
    const [rows] = await scalar(`SELECT count(*) FROM ${from}`);
    return { rows };
  },
};
if (!jobs[job]) {
  console.error(`usage: duckdb-jobs.mjs ${Object.keys(jobs).join('|')} IN [OUT] [--threads N]`);
  process.exit(2);
}
const t0 = process.hrtime.bigint();
const result = await jobs[job]();
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ job, input, output, inner_s: +secs.toFixed(3), ...result }));
