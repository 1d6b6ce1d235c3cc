// Runs the generated TypeScript client on the fixtures: every valid fixture parses and comes
// back unchanged, every digit of its 64-bit integers included (read from the text, written
// back by toJson); every structural mutant (but an unknown key) is rejected with a pointer.
//
// usage: node client-harness.js FIXTURES_DIR
import * as fs from "fs";
import * as path from "path";
import {
  parseGetConversationResponse,
  parseGetConversationResponseText,
  readJson,
  toJson,
  GetConversationResponse,
  ConversationType,
} from "./timschema";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const root = process.argv[2];
let failures = 0;
let exact = 0;
for (const file of files(path.join(root, "valid"))) {
  const text = fs.readFileSync(file, "utf8");
  const result = parseGetConversationResponseText(text);
  if (!result.ok) {
    failures++;
    console.log(`FAIL ${file}: ${JSON.stringify(result.errors)}`);
    continue;
  }
  const typed: GetConversationResponse = result.value;
  const kind: ConversationType | null | undefined = typed.data?.type;
  const order: bigint | null | undefined = typed.data?.orderkey;
  void kind;
  void order;
  const back = toJson(typed);
  // Every integer literal of the text, as written, is in what comes back.
  const integers = text.match(/(?<=[:[,]\s*)-?[0-9]{16,}(?=\s*[,\]}])/g) ?? [];
  const lost = integers.filter((digits) => !back.includes(digits));
  // Without such integers, JSON.parse's own reading must come back the same.
  const plain = integers.length === 0 && back !== JSON.stringify(JSON.parse(text));
  if (back !== toJson(readJson(text)) || plain || lost.length > 0) {
    failures++;
    console.log(`FAIL ${file}: changed on the way back ${lost.join(", ")}`);
  }
  exact += integers.length;
  // JSON.parse's numbers are accepted too, as bigints.
  if (!parseGetConversationResponse(JSON.parse(text)).ok) {
    failures++;
    console.log(`FAIL ${file}: refused once parsed by JSON.parse`);
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
console.log(`${exact} integers beyond 2^53 kept exactly`);
console.log(failures === 0 ? "ok" : `${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
