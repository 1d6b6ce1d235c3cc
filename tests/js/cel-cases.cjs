// Writes the official CEL conformance cases (cel-spec's simple tests, as published in the
// @bufbuild/cel-spec npm package) of the sections named on the command line as JSON Lines, for
// tests/cel_conformance.rs. Usage: node cel-cases.cjs basic comparisons/eq_literal ...
//
// Each line: {"section", "name", "expr", "bindings": {name: value}, "expect": {"value": v} |
// {"error": message} | {"other": what}, "skip": why-or-null}. A value is tagged by its CEL type:
// {"int": "decimal"}, {"uint": "decimal"}, {"double": number | "NaN" | "Infinity" |
// "-Infinity"}, {"string": s}, {"bool": b}, {"null": null}, {"list": [v]}, {"map": [[k, v]]},
// or {"unsupported": kind} for the types outside timschema's subset.
"use strict";
const { tests } = require("@bufbuild/cel-spec/testdata/conformance.js");

function value(v) {
  if (v == null) return { unsupported: "missing" };
  if ("int64Value" in v) return { int: String(v.int64Value) };
  if ("uint64Value" in v) return { uint: String(v.uint64Value) };
  if ("doubleValue" in v) {
    const d = v.doubleValue;
    return { double: typeof d === "number" && Number.isFinite(d) ? d : String(d) };
  }
  if ("stringValue" in v) return { string: v.stringValue };
  if ("boolValue" in v) return { bool: v.boolValue };
  if ("nullValue" in v) return { null: null };
  if ("listValue" in v) return { list: (v.listValue.values || []).map(value) };
  if ("mapValue" in v)
    return { map: (v.mapValue.entries || []).map((e) => [value(e.key), value(e.value)]) };
  return { unsupported: Object.keys(v)[0] };
}

const wanted = process.argv.slice(2);
for (const file of tests.suites) {
  for (const section of file.suites || []) {
    const id = `${file.name}/${section.name}`;
    if (!wanted.includes(file.name) && !wanted.includes(id)) continue;
    for (const test of section.tests || []) {
      const c = test.original;
      let skip = null;
      if (c.checkOnly) skip = "checkOnly";
      else if (c.container) skip = "container";
      else if (/messageType|wellKnown|abstractType|"function"/.test(JSON.stringify(c.typeEnv || [])))
        skip = "declarations of messages, well-known types or functions";
      const bindings = {};
      for (const [name, b] of Object.entries(c.bindings || {})) bindings[name] = value(b.value);
      let expect;
      if (c.value) expect = { value: value(c.value) };
      else if (c.evalError) expect = { error: (c.evalError.errors || []).map((e) => e.message).join("; ") };
      else expect = { other: Object.keys(c).filter((k) => !["name", "expr", "description", "disableCheck", "typeEnv", "bindings"].includes(k)).join(",") || "true by default" };
      if (!c.value && !c.evalError && !expect.other.includes("typedResult")) expect = { value: { bool: true } };
      process.stdout.write(JSON.stringify({ section: id, name: c.name, expr: c.expr, bindings, expect, skip }) + "\n");
    }
  }
}
