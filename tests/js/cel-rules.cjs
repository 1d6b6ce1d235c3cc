// Enforces the rules a committed schema carries as CEL, with @bufbuild/cel (an independent CEL
// implementation), for tests/cel_runtime.rs. Usage:
//   node cel-rules.cjs SCHEMA DOCUMENTS
// SCHEMA is a committed schema: every `x-timschema-rules` entry is run on the objects its
// `paths` name. The script checks that its own walk of the schema agrees with every entry's
// `paths`.
//
// DOCUMENTS holds one document per line, tagged so no digit is lost: an integer is
// {"$i": "decimal"} (or {"$u": …} above 2^63 - 1), a double {"$d": number}, an object
// {"$o": {…}}; strings, booleans, null and arrays are themselves. Objects reach CEL as maps
// without their `null` members (absent and null are one, as docs/rules.md decides).
//
// Writes one line per document: {"results": [{"rule", "pointer", "verdict"}]} with verdict
// "true", "false" or "error".
"use strict";
const fs = require("node:fs");
const { celEnv, celUint, isCelError, parse, plan } = require("@bufbuild/cel");

const [schemaFile, documentsFile] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));

// Where each named schema's instances sit: JSON pointers with * for any item.
function instancePaths() {
  const found = new Map([["", [""]]]);
  function walk(node, path, onTheWay) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#/$defs/")) {
      const name = ref.slice("#/$defs/".length);
      if (!onTheWay.includes(name)) {
        if (!found.has(name)) found.set(name, []);
        if (!found.get(name).includes(path)) found.get(name).push(path);
        walk(schema.$defs[name], path, [...onTheWay, name]);
      }
    }
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      for (const branch of node[key] || []) walk(branch, path, onTheWay);
    }
    for (const [name, property] of Object.entries(node.properties || {})) {
      walk(property, `${path}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`, onTheWay);
    }
    if (node.items !== undefined) walk(node.items, `${path}/*`, onTheWay);
  }
  walk(schema, "", []);
  return found;
}

const paths = instancePaths();
const rules = [];
const listedIn = [["", schema], ...Object.entries(schema.$defs || {})];
for (const [type, node] of listedIn) {
  for (const entry of node["x-timschema-rules"] || []) {
    const walked = (paths.get(type) || []).slice().sort();
    const listed = entry.paths.slice().sort();
    if (JSON.stringify(walked) !== JSON.stringify(listed)) {
      console.error(`${entry.id}: paths ${JSON.stringify(listed)}, but the schema puts ${type || "the root"} at ${JSON.stringify(walked)}`);
      process.exit(2);
    }
    if (entry.rule !== undefined) rules.push({ id: entry.id, text: entry.rule, paths: entry.paths });
  }
}
const env = celEnv();
for (const rule of rules) rule.run = plan(env, parse(rule.text));

function cel(tagged) {
  if (tagged === null || typeof tagged !== "object") return tagged;
  if (Array.isArray(tagged)) return tagged.map(cel);
  if ("$i" in tagged) return BigInt(tagged.$i);
  if ("$u" in tagged) return celUint(BigInt(tagged.$u));
  if ("$d" in tagged) return tagged.$d;
  const map = new Map();
  for (const [key, value] of Object.entries(tagged.$o)) {
    if (value !== null) map.set(key, cel(value));
  }
  return map;
}

// The objects at a path pattern: [pointer, tagged object].
function objectsAt(document, pattern) {
  let here = [["", document]];
  for (const token of pattern.split("/").slice(1)) {
    const next = [];
    for (const [pointer, value] of here) {
      if (token === "*") {
        if (Array.isArray(value)) value.forEach((item, i) => next.push([`${pointer}/${i}`, item]));
      } else if (value && typeof value === "object" && "$o" in value) {
        const name = token.replace(/~1/g, "/").replace(/~0/g, "~");
        if (Object.hasOwn(value.$o, name)) next.push([`${pointer}/${token}`, value.$o[name]]);
      }
    }
    here = next;
  }
  return here.filter(([, value]) => value && typeof value === "object" && "$o" in value);
}

const out = [];
for (const line of fs.readFileSync(documentsFile, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const document = JSON.parse(line);
  const results = [];
  for (const rule of rules) {
    for (const pattern of rule.paths) {
      for (const [pointer, object] of objectsAt(document, pattern)) {
        let result;
        try {
          result = rule.run({ self: cel(object) });
        } catch (error) {
          result = error;
        }
        const verdict = isCelError(result) || result instanceof Error ? "error" : String(result);
        results.push({ rule: rule.id, pointer, verdict });
      }
    }
  }
  out.push(JSON.stringify({ results }));
}
process.stdout.write(out.join("\n") + "\n");
