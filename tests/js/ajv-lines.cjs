// The Ajv baseline of the speed figures: Ajv 8 (2020-12, strict, allErrors, ajv-formats, the
// extension keyword registered) compiled once on a committed schema, then every line of a
// JSON Lines file parsed and validated, streamed. Prints the counts and the time taken.
//
// usage: node ajv-lines.cjs SCHEMA.json DOCUMENTS.ndjson
"use strict";
const fs = require("fs");
const readline = require("readline");
const compile = require("./ajv-compile.cjs");

const [schemaFile, linesFile] = process.argv.slice(2);
const validate = compile(schemaFile);

const started = process.hrtime.bigint();
let valid = 0;
let invalid = 0;
let errors = 0;
const lines = readline.createInterface({
  input: fs.createReadStream(linesFile, { highWaterMark: 1 << 20 }),
  crlfDelay: Infinity,
});
lines.on("line", (line) => {
  if (line.trim() === "") return;
  let document;
  try {
    document = JSON.parse(line);
  } catch {
    invalid += 1;
    errors += 1;
    return;
  }
  if (validate(document)) {
    valid += 1;
  } else {
    invalid += 1;
    errors += validate.errors.length;
  }
});
lines.on("close", () => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `ajv: ${valid + invalid} documents: ${valid} valid, ${invalid} invalid; ${errors} errors in ${seconds.toFixed(2)}s`,
  );
});
