// Throughput of the generated TypeScript validator against Ajv 8 on one JSON Lines corpus
// (docs/conformance.md reports it). Both judge every line from its text, in one process: the
// validator with `validate(bytes)`, Ajv (2020-12, strict, allErrors, the extension keyword
// registered, compiled once on the same committed schema; ajv-compile.cjs) after `JSON.parse`.
// The validator is compiled with the TypeScript compiler's transpileModule, as its
// conformance runner does. Prints the best of ROUNDS runs of each, in documents per second.
//
// usage: node bench-validator.cjs SCHEMA.json CORPUS.jsonl [ROUNDS]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const ts = require("typescript");
const compile = require("./ajv-compile.cjs");

const [schemaFile, corpusFile, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText || 3);
const file = path.join(__dirname, "..", "..", "clients", "typescript", "timschema_validate.ts");
const compiled = ts.transpileModule(fs.readFileSync(file, "utf8"), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
});
const validator = new Module(file, module);
validator.filename = file;
validator._compile(compiled.outputText, file);
const { validate } = validator.exports;
const ajv = compile(schemaFile);

const input = fs.readFileSync(corpusFile);
const lines = [];
for (let start = 0; start < input.length; ) {
  let end = input.indexOf(10, start);
  if (end === -1) end = input.length;
  if (end > start) lines.push(input.subarray(start, end));
  start = end + 1;
}
const texts = lines.map((line) => line.toString("utf8"));

function best(run) {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return fastest;
}

let invalid = 0;
for (const line of lines) if (!validate(line).valid) invalid++;
const ours = best(() => {
  for (const line of lines) validate(line);
});
const theirs = best(() => {
  for (const text of texts) {
    let document;
    try {
      document = JSON.parse(text);
    } catch {
      continue;
    }
    ajv(document);
  }
});
console.log(
  JSON.stringify({
    documents: lines.length,
    invalid,
    timschema_validate_docs_per_s: Math.round(lines.length / ours),
    ajv_docs_per_s: Math.round(lines.length / theirs),
    ratio: Math.round((theirs / ours) * 100) / 100,
  }),
);
