// Compiles JSON Schemas with Ajv 8 in strict mode, as a consumer of timschema's schemas would.
//
// usage: node ajv-strict.cjs [--keyword NAME]... SCHEMA.json...
// Each --keyword registers an extension keyword (ajv.addKeyword), as README tells users to.
// Prints one line per schema; exits 1 if any schema fails to compile.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const keywords = [];
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--keyword") keywords.push(args[++i]);
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node ajv-strict.cjs [--keyword NAME]... SCHEMA.json...");
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const keyword of keywords) ajv.addKeyword(keyword);
  try {
    ajv.compile(JSON.parse(fs.readFileSync(file, "utf8")));
    console.log(`ok ${file}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${file}: ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
