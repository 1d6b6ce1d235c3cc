// One schema compiled the way every Ajv judge of the project compiles it: Ajv 8 for draft
// 2020-12, strict mode, every error collected, ajv-formats, and the project's extension
// keyword registered.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

module.exports = function compile(schemaFile) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword("x-timschema-rules");
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
};
