// Validates documents with Ajv 8 (strict mode, ajv-formats) against one schema.
//
// usage: node ajv-validate.cjs SCHEMA.json DOCUMENTS.json
// DOCUMENTS.json is [{"name": ..., "document": ...}]; prints "name<TAB>valid|invalid" per document.
"use strict";
const fs = require("fs");
const compile = require("./ajv-compile.cjs");

const [schemaFile, documentsFile] = process.argv.slice(2);
const validate = compile(schemaFile);
for (const { name, document } of JSON.parse(fs.readFileSync(documentsFile, "utf8"))) {
  console.log(`${name}\t${validate(document) ? "valid" : "invalid"}`);
}
