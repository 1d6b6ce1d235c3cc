// The measurement behind compiling each rule's CEL into the TypeScript validator instead of
// running it with a CEL runtime (docs/conformance.md): every rule of the committed schema's
// `x-timschema-rules`, judged on every object its `paths` name in each document of a corpus,
// once by @bufbuild/cel (each expression parsed and planned once) and once by the validator's
// compiled functions. Only the rules are timed, not reading the text. Prints evaluations per
// second for both, best of ROUNDS.
//
// usage: node bench-cel-runtime.cjs SCHEMA.json CORPUS.jsonl [ROUNDS]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const ts = require("typescript");
const { celEnv, celUint, parse, plan } = require("@bufbuild/cel");

const [schemaFile, corpusFile, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText || 3);
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
const file = path.join(__dirname, "..", "..", "clients", "typescript", "timschema_validate.ts");
const source = `${fs.readFileSync(file, "utf8")}\nexport const rulesForBenchmark = RULES;\nexport const parseForBenchmark = parse;\n`;
const compiled = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
});
const validator = new Module(file, module);
validator.filename = file;
validator._compile(compiled.outputText, file);
const { rulesForBenchmark, parseForBenchmark } = validator.exports;

const env = celEnv();
const entries = [];
for (const [type, node] of [["", schema], ...Object.entries(schema.$defs || {})]) {
  for (const entry of node["x-timschema-rules"] || []) {
    const name = type === "" ? "GetConversationResponse" : type;
    const ours = (rulesForBenchmark[name] || []).find((r) => r.id === entry.id);
    entries.push({ entry, run: plan(env, parse(entry.rule)), ours });
  }
}

// A parsed value as CEL sees it: objects as maps without null members, integers as bigint
// (unsigned above 2^63 - 1).
function cel(value) {
  if (Array.isArray(value)) return value.map(cel);
  if (typeof value === "bigint") return value > 2n ** 63n - 1n ? celUint(value) : value;
  if (value !== null && typeof value === "object") {
    const map = new Map();
    for (const [key, item] of Object.entries(value)) if (item !== null) map.set(key, cel(item));
    return map;
  }
  return value;
}

function objectsAt(document, pattern) {
  let here = [document];
  for (const token of pattern.split("/").slice(1)) {
    const next = [];
    for (const value of here) {
      if (token === "*") {
        if (Array.isArray(value)) next.push(...value);
      } else if (value !== null && typeof value === "object" && !Array.isArray(value) && token in value) {
        next.push(value[token]);
      }
    }
    here = next;
  }
  return here;
}

const work = [];
for (const line of fs.readFileSync(corpusFile, "utf8").split("\n")) {
  if (line === "") continue;
  const [document] = parseForBenchmark(line);
  if (document === null) continue;
  for (const { entry, run, ours } of entries) {
    for (const pattern of entry.paths) {
      for (const object of objectsAt(document, pattern)) {
        if (object !== null && typeof object === "object" && !Array.isArray(object)) {
          work.push({ run, ours, object, bound: { self: cel(object) } });
        }
      }
    }
  }
}

function best(each) {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    for (const item of work) each(item);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return fastest;
}

const runtime = best(({ run, bound }) => {
  try {
    run(bound);
  } catch {
    // an error leaves the rule unjudged
  }
});
const native = best(({ ours, object }) => ours.holds(object));
console.log(
  JSON.stringify({
    evaluations: work.length,
    bufbuild_cel_per_s: Math.round(work.length / runtime),
    compiled_per_s: Math.round(work.length / native),
    ratio: Math.round((runtime / native) * 10) / 10,
  }),
);
