// Validates documents with Ajv 8 (strict mode, ajv-formats) against one schema.
//
// usage: node ajv-validate.cjs SCHEMA.json DOCUMENTS.json
// DOCUMENTS.json is [{"name": ..., "document": ...}]; prints "name<TAB>valid|invalid" per document.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const [schemaFile, documentsFile] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword("x-timschema-rules");
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
for (const { name, document } of JSON.parse(fs.readFileSync(documentsFile, "utf8"))) {
  console.log(`${name}\t${validate(document) ? "valid" : "invalid"}`);
}
