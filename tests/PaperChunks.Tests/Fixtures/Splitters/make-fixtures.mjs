// Generates the real-splitter fixtures the reassembly tests read (RealSplitterFixtureTests).
//   cd tests/PaperChunks.Tests/Fixtures/Splitters && npm install && node make-fixtures.mjs papers-000.jsonl papers-001.jsonl
// Inputs: papers reassembled from samples/data (paperchunks reassemble samples/data/chunks-00N.jsonl -o papers-00N.jsonl).
// Each paper's text is cut into excerpts of about 2,500 characters at whitespace (real arXiv text, its own newlines);
// the excerpts of one parity are the committed held-out set (--set test, the default), the others a development set
// (--set dev) that stays out of the repository. Every excerpt is split by each real splitter below; the rows are
// shuffled with a fixed seed and one row in seven is written twice, so order and duplicates are tested too.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { RecursiveCharacterTextSplitter, TokenTextSplitter } from "@langchain/textsplitters";
import { SentenceSplitter } from "@llamaindex/core/node-parser";
import { TokenChunker } from "@chonkiejs/core";
import { Tiktoken } from "js-tiktoken/lite";
import cl100k from "js-tiktoken/ranks/cl100k_base";

const args = process.argv.slice(2);
const set = args.includes("--set") ? args[args.indexOf("--set") + 1] : "test";
const inputs = args.filter((a, i) => !a.startsWith("--") && !["--set", "--out"].includes(args[i - 1]));
const out = args.includes("--out") ? args[args.indexOf("--out") + 1] : ".";

function excerpts(text, size) {
  const pieces = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    while (end < text.length && !/\s/.test(text[end])) end++;
    const piece = text.slice(at, end).trim();
    if (piece.length > size / 2) pieces.push(piece);
    at = end;
  }
  return pieces;
}

const papers = [];
for (const file of inputs) {
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const p = JSON.parse(line);
    excerpts(p.text, 2500).forEach((text, i) => {
      if ((i % 2 === 0) === (set === "test")) papers.push({ doi: `${p.doi}.x${i}`, text });
    });
  }
}

const tiktoken = new Tiktoken(cl100k);
const splitters = {
  "langchain-recursive-100-20": (t) => new RecursiveCharacterTextSplitter({ chunkSize: 100, chunkOverlap: 20 }).splitText(t),
  "langchain-recursive-500-20": (t) => new RecursiveCharacterTextSplitter({ chunkSize: 500, chunkOverlap: 20 }).splitText(t),
  "langchain-recursive-1000-200": (t) => new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 }).splitText(t),
  "langchain-token-128-16": async (t) => {
    const s = new TokenTextSplitter({ chunkSize: 128, chunkOverlap: 16 });
    s.tokenizer = tiktoken; // the ranks shipped in js-tiktoken: no download
    return s.splitText(t);
  },
  "llamaindex-sentence-128-20": (t) => new SentenceSplitter({ chunkSize: 128, chunkOverlap: 20 }).splitText(t),
  "chonkie-token-300-40": async (t) => (await (await TokenChunker.create({ chunkSize: 300, chunkOverlap: 40 })).chunk(t)).map((c) => c.text),
  "chonkie-token-250-0": async (t) => (await (await TokenChunker.create({ chunkSize: 250, chunkOverlap: 0 })).chunk(t)).map((c) => c.text),
};

// A small fixed-seed generator (mulberry32) so the fixtures are the same on every run.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const write = (name, lines) => writeFileSync(`${out}/${name}-${set}.jsonl.gz`, gzipSync(lines.join("\n") + "\n", { level: 9 }));
write("originals", papers.map((p) => JSON.stringify(p)));
for (const [name, split] of Object.entries(splitters)) {
  const rows = [];
  for (const p of papers) {
    (await split(p.text)).forEach((chunk, id) => rows.push({ doi: p.doi, "chunk-id": id, chunk }));
  }
  const next = random(15);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const lines = [];
  rows.forEach((r, i) => {
    lines.push(JSON.stringify(r));
    if (i % 7 === 3) lines.push(JSON.stringify(r));
  });
  write(name, lines);
}
