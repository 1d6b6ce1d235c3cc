// Runs the generated TypeScript client on the fixtures: every valid fixture parses and comes
// back unchanged; every structural mutant (but an unknown key) is rejected with a pointer.
//
// usage: node client-harness.js FIXTURES_DIR
import * as fs from "fs";
import * as path from "path";
import { parseGetConversationResponse, GetConversationResponse, ConversationType } from "./timschema";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const root = process.argv[2];
let failures = 0;
for (const file of files(path.join(root, "valid"))) {
  const text = fs.readFileSync(file, "utf8");
  const result = parseGetConversationResponse(JSON.parse(text));
  if (!result.ok) {
    failures++;
    console.log(`FAIL ${file}: ${JSON.stringify(result.errors)}`);
    continue;
  }
  const typed: GetConversationResponse = result.value;
  const kind: ConversationType | null | undefined = typed.data?.type;
  void kind;
  if (JSON.stringify(typed) !== JSON.stringify(JSON.parse(text))) {
    failures++;
    console.log(`FAIL ${file}: changed on the way back`);
  }
}
for (const file of files(path.join(root, "invalid", "schema"))) {
  if (file.includes("unknown-field")) continue;
  const result = parseGetConversationResponse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (result.ok || result.errors.length === 0 || result.errors.some((e) => typeof e.pointer !== "string")) {
    failures++;
    console.log(`FAIL ${file}: accepted`);
  } else {
    console.log(`rejected ${path.basename(file)} at ${result.errors[0].pointer}`);
  }
}
console.log(failures === 0 ? "ok" : `${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
