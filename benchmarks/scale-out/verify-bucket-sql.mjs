#!/usr/bin/env node
// Checks that the paper-bucket SQL of docs/scale-out.md, run in DuckDB, gives the buckets pinned in
// tests/PaperChunks.Tests/Fixtures/sharding/paper-buckets.tsv (computed with Python's hashlib), and
// optionally that a bucketed folder written by `paperchunks convert --buckets N` holds each row in the
// bucket the SQL computes for its doi.
//
//   mkdir -p /tmp/duckdb && (cd /tmp/duckdb && npm init -y && npm install @duckdb/node-api)
//   DUCKDB_NODE_DIR=/tmp/duckdb node benchmarks/scale-out/verify-bucket-sql.mjs [BUCKETED_DIR N]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const modDir = process.env.DUCKDB_NODE_DIR || '/tmp/duckdb';
const require = createRequire(path.join(path.resolve(modDir), 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');

const here = path.dirname(fileURLToPath(import.meta.url));
const table = path.join(here, '../../tests/PaperChunks.Tests/Fixtures/sharding/paper-buckets.tsv');
const lines = readFileSync(table, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const header = lines[0].split('\t');
const counts = header.slice(2).map((c) => Number(c.slice(1)));
const rows = lines.slice(1).map((l) => l.split('\t')).map((c) => ({ doi: JSON.parse(c[0]), buckets: c.slice(2).map(Number) }));

// The docs' query, verbatim: the first 8 hex digits of md5(doi) as an integer, modulo N.
const bucketSql = (n) => `('0x' || substr(md5(doi), 1, 8))::BIGINT % ${n}`;

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run('CREATE TABLE dois (i INTEGER, doi VARCHAR)');
const insert = await con.prepare('INSERT INTO dois VALUES ($1, $2)');
for (const [i, r] of rows.entries()) {
  insert.bindInteger(1, i);
  insert.bindVarchar(2, r.doi);
  await insert.run();
}

let mismatches = 0;
for (const [j, n] of counts.entries()) {
  const result = await con.runAndReadAll(`SELECT i, ${bucketSql(n)} AS bucket FROM dois ORDER BY i`);
  for (const [i, bucket] of result.getRows()) {
    if (Number(bucket) !== rows[i].buckets[j]) {
      mismatches++;
      console.error(`doi ${JSON.stringify(rows[i].doi)}, N=${n}: DuckDB ${bucket}, table ${rows[i].buckets[j]}`);
    }
  }
}
console.log(JSON.stringify({ table: 'paper-buckets.tsv', dois: rows.length, counts, mismatches }));

const [dir, n] = process.argv.slice(2);
if (dir) {
  const glob = path.join(dir, '**', '*.parquet').replaceAll("'", "''");
  const result = await con.runAndReadAll(
    `SELECT count(*) AS rows, count(*) FILTER (WHERE bucket <> ${bucketSql(Number(n))}) AS misplaced
       FROM read_parquet('${glob}', hive_partitioning = true)`);
  const [[total, misplaced]] = result.getRows();
  console.log(JSON.stringify({ folder: dir, rows: Number(total), misplaced: Number(misplaced) }));
  mismatches += Number(misplaced);
}
process.exit(mismatches === 0 ? 0 : 1);
