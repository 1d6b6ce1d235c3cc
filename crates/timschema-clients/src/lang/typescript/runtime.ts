/** One problem of a document: the rule broken, how bad, where (a JSON pointer) and what. */
export interface Finding {
  rule: string;
  severity: "error" | "warning";
  pointer: string;
  message: string;
}

/** What `validate` found: `valid` when no finding is an error (warnings are allowed). */
export interface Result {
  valid: boolean;
  findings: Finding[];
}

/**
 * Validates one getConversation response, given as its JSON text (a string, or bytes that
 * must be UTF-8). The findings are those `timschema check` reports with its default options:
 * the text read strictly (`json/*`), the structure (`schema/*`, unknown keys as
 * `schema/unknown-field` warnings) and every rule of the contract, each reported once at its
 * place. Integers are read as `bigint`, so no digit of a 64-bit value is lost.
 */
export function validate(document: string | Uint8Array): Result {
  const [value, problem] = parse(document);
  if (problem !== null) return { valid: false, findings: [problem] };
  const walk = new Walk();
  root(value, "", "", walk);
  const findings = walk.findings(value);
  return {
    valid: !findings.some((f) => f.severity === "error"),
    findings,
  };
}

// ---- reading the text strictly ----------------------------------------------------------

type Json = null | boolean | number | bigint | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

const MIN_INT = -(2n ** 63n);
const MAX_INT = 2n ** 63n - 1n;
const MAX_UINT = 2n ** 64n - 1n;
const MAX_DEPTH = 127;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const SPECIAL = /[\u0000-\u001f\\]/;
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function finding(
  rule: string,
  pointer: string,
  message: string,
  severity: "error" | "warning" = "error",
): Finding {
  return { rule, severity, pointer, message };
}

class Problem {
  constructor(
    readonly rule: string,
    readonly pointer: string,
  ) {}
}

function parse(document: string | Uint8Array): [Json, Finding | null] {
  let text: string;
  if (typeof document === "string") {
    text = document.startsWith("\ufeff") ? document.slice(1) : document;
  } else {
    let bytes = document;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return [null, finding("json/utf8", "", "the text is not UTF-8")];
    }
  }
  if (/^[ \t\n\r]*$/.test(text)) return [null, finding("json/empty", "", "the document is empty")];
  const reader = new Reader(text);
  try {
    reader.space();
    const value = reader.value(0);
    reader.space();
    if (reader.at < text.length) return [null, finding("json/trailing", "", "data follows the document")];
    if (reader.overflow !== null) {
      return [null, finding("json/integer-overflow", reader.overflow, "an integer does not fit in 64 bits")];
    }
    return [value, null];
  } catch (error) {
    if (error instanceof Problem) return [null, finding(error.rule, error.pointer, error.rule)];
    throw error;
  }
}

/**
 * A reader that finds the first problem of a text in reading order, as serde_json does: a
 * syntax error, a repeated key (at the repeated member), nesting deeper than 127 levels, data
 * after the document; an integer beyond 64 bits is remembered and reported if nothing else is.
 */
class Reader {
  at = 0;
  overflow: string | null = null;
  /** The keys and indices down to the value being read: its pointer, built only when needed. */
  path: (string | number)[] = [];
  constructor(readonly text: string) {}

  pointer(): string {
    return this.path.map((token) => `/${typeof token === "number" ? token : escape(token)}`).join("");
  }

  fail(rule = "json/syntax", pointer = ""): never {
    throw new Problem(rule, pointer);
  }

  space(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.at++;
    }
  }

  value(depth: number): Json {
    const c = this.text.charCodeAt(this.at);
    if (c === 123 || c === 91) {
      if (depth + 1 > MAX_DEPTH) this.fail("json/depth");
      this.at++;
      this.space();
      return c === 91 ? this.array(depth + 1) : this.object(depth + 1);
    }
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (c === 116 && this.text.startsWith("true", this.at)) {
      this.at += 4;
      return true;
    }
    if (c === 102 && this.text.startsWith("false", this.at)) {
      this.at += 5;
      return false;
    }
    if (c === 110 && this.text.startsWith("null", this.at)) {
      this.at += 4;
      return null;
    }
    return this.fail();
  }

  array(depth: number): Json[] {
    const list: Json[] = [];
    if (this.text[this.at] === "]") {
      this.at++;
      return list;
    }
    for (;;) {
      this.space();
      this.path.push(list.length);
      list.push(this.value(depth));
      this.path.pop();
      this.space();
      const c = this.text[this.at];
      if (c === ",") this.at++;
      else if (c === "]") {
        this.at++;
        return list;
      } else this.fail();
    }
  }

  object(depth: number): JsonObject {
    const object: JsonObject = {};
    if (this.text[this.at] === "}") {
      this.at++;
      return object;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail();
      const key = this.string();
      this.path.push(key);
      if (object[key] !== undefined && has(object, key)) this.fail("json/duplicate-key", this.pointer());
      this.space();
      if (this.text[this.at] !== ":") this.fail();
      this.at++;
      this.space();
      const value = this.value(depth);
      if (key === "__proto__") set(object, key, value);
      else object[key] = value;
      this.path.pop();
      this.space();
      const c = this.text[this.at];
      if (c === ",") this.at++;
      else if (c === "}") {
        this.at++;
        return object;
      } else this.fail();
    }
  }

  string(): string {
    const text = this.text;
    const start = this.at + 1;
    let end = text.indexOf('"', start);
    if (end === -1) this.fail();
    let slice = text.slice(start, end);
    if (!SPECIAL.test(slice)) {
      this.at = end + 1;
      return slice;
    }
    // An escape (perhaps of a quote) or a control character: scan it exactly.
    end = start;
    for (;;) {
      if (end >= text.length) this.fail();
      const c = text.charCodeAt(end);
      if (c === 34) break;
      if (c < 32) this.fail();
      end += c === 92 ? 2 : 1;
    }
    this.at = end + 1;
    slice = text.slice(start - 1, end + 1);
    let value: string;
    try {
      value = JSON.parse(slice) as string;
    } catch {
      return this.fail();
    }
    if (LONE_SURROGATE.test(value)) this.fail();
    return value;
  }

  number(): Json {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null) return this.fail();
    this.at += match[0].length;
    if (match[1] === undefined && match[2] === undefined) {
      const value = BigInt(match[0]);
      if ((value < MIN_INT || value > MAX_UINT) && this.overflow === null) this.overflow = this.pointer();
      return value;
    }
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail();
    return value;
  }
}

/** Sets a member, `__proto__` included, as an own property. */
function set(object: JsonObject, key: string, value: Json): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/** Whether an object has `key` as its own member. */
function has(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function escape(key: string): string {
  if (!key.includes("~") && !key.includes("/")) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function unescape(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

// ---- the structure ------------------------------------------------------------------------

/**
 * What a walk of a document beside the schema gathers: structural errors (one per place), the
 * values that do not read and are set aside as the typed SDK models would drop them, unknown
 * keys, and the objects and enumeration values the rules apply to.
 */
class Walk {
  structural: Finding[] = [];
  places = new Set<string>();
  aside: string[] = [];
  unknown: string[] = [];
  instances: [string, string, Json][] = [];

  error(rule: string, pointer: string, aside: string, message: string): void {
    if (!this.places.has(pointer)) {
      this.places.add(pointer);
      this.structural.push(finding(rule, pointer, message));
    }
    if (!this.aside.includes(aside)) this.aside.push(aside);
  }

  /**
   * The findings merged as `timschema check` merges its layers. A rule runs on the values
   * that read (those set aside removed) unless a field it reads was set aside; a rule the
   * schema's keywords enforce is also judged where the typed models could not run it (on a
   * field rule's value that did not read, inside a value set aside, or everywhere when the
   * document itself does not read), on the values of the right JSON kind, as the schema judges
   * them.
   */
  findings(document: Json): Finding[] {
    const aside = this.aside;
    const readable = !aside.includes("") && aside.length <= MAX_REPAIRS;
    let typed = document;
    if (aside.length > 0 && readable) {
      typed = copy(document);
      for (const pointer of aside) remove(typed, pointer);
    }
    const found: Finding[] = [];
    for (const [kind, pointer, value] of this.instances) {
      const rules = RULES[kind];
      if (rules === undefined) continue;
      if (!readable || aside.some((a) => contains(a, pointer))) {
        const raw = rawView(kind, value);
        for (const rule of rules) if (rule.schema) found.push(...judge(rule, raw, pointer));
        continue;
      }
      const view = aside.length > 0 ? resolve(typed, pointer) : value;
      for (const rule of rules) {
        const unread =
          aside.length > 0 &&
          aside.some((a) => rule.reads.some((field) => contains(a, `${pointer}/${field}`)));
        if (unread) {
          if (rule.field) found.push(...judge(rule, rawView(kind, value), pointer));
          continue;
        }
        found.push(...judge(rule, view, pointer));
      }
    }
    const places = new Set(found.map((f) => f.pointer));
    for (const f of this.structural) if (!places.has(f.pointer)) found.push(f);
    for (const pointer of this.unknown) {
      const key = unescape(pointer.slice(pointer.lastIndexOf("/") + 1));
      found.push(finding("schema/unknown-field", pointer, `${JSON.stringify(key)} is not a field of the contract`, "warning"));
    }
    const seen = new Set<string>();
    return found
      .filter((f) => {
        const key = `${f.rule}\u0000${f.pointer}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }
}

const MAX_REPAIRS = 256;

type Checker = (value: Json, pointer: string, aside: string, walk: Walk) => void;

function contains(outer: string, inner: string): boolean {
  return outer === "" || inner === outer || inner.startsWith(`${outer}/`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function copy(value: Json): Json {
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) set(out, key, copy(value[key]));
    return out;
  }
  return value;
}

/** The value at `pointer`, or null when nothing is there (a value around it was removed). */
function resolve(document: Json, pointer: string): Json {
  let here = document;
  for (const token of pointer.split("/").slice(1)) {
    const key = unescape(token);
    if (Array.isArray(here) && /^[0-9]+$/.test(key) && Number(key) < here.length) {
      here = here[Number(key)];
    } else if (isObject(here) && has(here, key)) {
      here = here[key];
    } else {
      return null;
    }
  }
  return here;
}

function remove(document: Json, pointer: string): void {
  const at = pointer.lastIndexOf("/");
  const parent = resolve(document, pointer.slice(0, at));
  if (isObject(parent)) delete parent[unescape(pointer.slice(at + 1))];
}

/**
 * An instance as the schema's rule keywords see it: only the fields of the JSON kind their type
 * asks for (a rule's keywords leave a value of another kind to the structural check).
 */
function rawView(kind: string, value: Json): Json {
  const fields = KINDS[kind];
  if (fields === undefined || !isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    const is = has(fields, key) ? fields[key] : undefined;
    const entry = value[key];
    if (entry !== null && is !== undefined && is(entry)) set(out, key, entry);
  }
  return out;
}

function kindOf(value: Json): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "bigint") return `the integer ${value}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return "an array";
  return "an object";
}

const checkString: Checker = (value, pointer, aside, walk) => {
  if (typeof value !== "string") walk.error("schema/type", pointer, aside, `expected a string, found ${kindOf(value)}`);
};

const checkBoolean: Checker = (value, pointer, aside, walk) => {
  if (typeof value !== "boolean") walk.error("schema/type", pointer, aside, `expected a boolean, found ${kindOf(value)}`);
};

const checkNumber: Checker = (value, pointer, aside, walk) => {
  if (typeof value !== "number" && typeof value !== "bigint") {
    walk.error("schema/type", pointer, aside, `expected a number, found ${kindOf(value)}`);
  }
};

function integerChecker(low: bigint, high: bigint): Checker {
  return (value, pointer, aside, walk) => {
    let exact: bigint;
    if (typeof value === "number" && Number.isInteger(value)) {
      exact = BigInt(value);
      if (low <= exact && exact <= high) {
        walk.error("schema/serde", pointer, aside, `expected an integer, found ${kindOf(value)}`);
        return;
      }
    } else if (typeof value === "bigint") {
      exact = value;
    } else {
      walk.error("schema/type", pointer, aside, `expected an integer, found ${kindOf(value)}`);
      return;
    }
    if (exact < low || exact > high) walk.error("schema/other", pointer, aside, `${exact} is outside ${low} to ${high}`);
  };
}

function intEnumChecker(name: string, values: ReadonlySet<number>): Checker {
  return (value, pointer, aside, walk) => {
    const integral = typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value));
    const known = integral && values.has(Number(value));
    if (typeof value === "bigint" && known) {
      walk.instances.push([name, pointer, value]);
      return;
    }
    if (typeof value === "number" && known) {
      walk.error("schema/serde", pointer, aside, `expected an integer, found ${kindOf(value)}`);
    } else if (integral) {
      walk.error("schema/oneOf", pointer, aside, `${kindOf(value)} is not one of ${name}'s values`);
    } else {
      walk.error("schema/type", pointer, aside, `expected an integer, found ${kindOf(value)}`);
    }
    if (typeof value === "number" || typeof value === "bigint") walk.instances.push([name, pointer, value]);
  };
}

function strEnumChecker(name: string, values: ReadonlySet<string>): Checker {
  return (value, pointer, aside, walk) => {
    if (typeof value !== "string" || !values.has(value)) {
      walk.error("schema/oneOf", pointer, aside, `${kindOf(value)} is not one of ${name}'s values`);
    }
    if (typeof value === "string") walk.instances.push([name, pointer, value]);
  };
}

function listChecker(item: Checker, nullable: boolean): Checker {
  return (value, pointer, aside, walk) => {
    if (!Array.isArray(value)) {
      walk.error("schema/type", pointer, aside, `expected an array, found ${kindOf(value)}`);
      return;
    }
    value.forEach((entry, index) => {
      if (entry === null) {
        if (!nullable) walk.error("schema/type", `${pointer}/${index}`, aside, "expected a value, found null");
      } else {
        item(entry, `${pointer}/${index}`, aside, walk);
      }
    });
  };
}

function mapChecker(item: Checker | null): Checker {
  return (value, pointer, aside, walk) => {
    if (!isObject(value)) {
      walk.error("schema/type", pointer, aside, `expected an object, found ${kindOf(value)}`);
      return;
    }
    if (item === null) return;
    for (const key of Object.keys(value)) {
      const member = `${pointer}/${escape(key)}`;
      const entry = value[key];
      if (entry === null) walk.error("schema/type", member, member, "expected a value, found null");
      else item(entry, member, member, walk);
    }
  };
}

const anything: Checker = () => {};

interface Field {
  check: Checker;
  nullable: boolean;
  required: boolean;
}

function classChecker(name: string, fields: () => Record<string, Field>): Checker {
  let table: Map<string, Field> | null = null;
  let required: string[] = [];
  return (value, pointer, aside, walk) => {
    if (table === null) {
      table = new Map(Object.entries(fields()));
      required = [...table].filter(([, field]) => field.required).map(([key]) => key);
    }
    if (!isObject(value)) {
      walk.error("schema/type", pointer, aside, `expected an object, found ${kindOf(value)}`);
      return;
    }
    for (const key of required) {
      if (!has(value, key)) {
        walk.error("schema/required", pointer, aside, `the required field ${JSON.stringify(key)} is missing`);
      }
    }
    for (const key of Object.keys(value)) {
      const known = table.get(key);
      const member = `${pointer}/${escape(key)}`;
      const entry = value[key];
      if (known === undefined) walk.unknown.push(member);
      else if (entry === null) {
        if (!known.nullable) walk.error("schema/type", member, known.required ? aside : member, "expected a value, found null");
      } else {
        known.check(entry, member, known.required ? aside : member, walk);
      }
    }
    walk.instances.push([name, pointer, value]);
  };
}

const isString = (value: Json): boolean => typeof value === "string";
const isInteger = (value: Json): boolean =>
  typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value));
const isNumber = (value: Json): boolean => typeof value === "number" || typeof value === "bigint";
const isBoolean = (value: Json): boolean => typeof value === "boolean";
const isArray = (value: Json): boolean => Array.isArray(value);
const isAnything = (): boolean => true;

// ---- the rules, in CEL's semantics --------------------------------------------------------

/** CEL's error value: reading an absent field, or an operator given the wrong types. */
const ERR: unique symbol = Symbol("error");
type Cel = Json | typeof ERR | Cel[];

interface Rule {
  id: string;
  severity: "error" | "warning";
  message: string;
  reads: readonly string[];
  holds: (self_: Cel) => Cel;
  places: (self_: Cel, pointer: string) => string[];
  /** The schema's keywords enforce it too. */
  schema: boolean;
  /** Its keywords are on the field it reads (a field rule). */
  field: boolean;
}

function judge(rule: Rule, value: Json, pointer: string): Finding[] {
  if (rule.holds(value) !== false) return [];
  return rule.places(value, pointer).map((place) => finding(rule.id, place, rule.message, rule.severity));
}

function _get(value: Cel, field: string): Cel {
  if (!isObject(value) || !has(value, field)) return ERR;
  const found = value[field];
  return found === null ? ERR : found;
}

function _has(value: Cel, field: string): Cel {
  if (!isObject(value)) return ERR;
  return has(value, field) && value[field] !== null;
}

function _or(left: Cel, right: () => Cel): Cel {
  if (left === true) return true;
  const other = right();
  if (other === true) return true;
  return left === false && other === false ? false : ERR;
}

function _and(left: Cel, right: () => Cel): Cel {
  if (left === false) return false;
  const other = right();
  if (other === false) return false;
  return left === true && other === true ? true : ERR;
}

function _not(value: Cel): Cel {
  return typeof value === "boolean" ? !value : ERR;
}

function _cond(test: Cel, then: () => Cel, otherwise: () => Cel): Cel {
  if (typeof test !== "boolean") return ERR;
  return test ? then() : otherwise();
}

function numeric(value: Cel): value is number | bigint {
  return typeof value === "number" || typeof value === "bigint";
}

function _eq(left: Cel, right: Cel): Cel {
  if (left === ERR || right === ERR) return ERR;
  // `==`, not `===`: a bigint and a number compare by value.
  if (numeric(left) && numeric(right)) return left == right;
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) {
      const same = _eq(left[i], right[i]);
      if (same !== true) return same;
    }
    return true;
  }
  if (isObject(left) || isObject(right)) {
    if (!isObject(left) || !isObject(right)) return false;
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    for (const key of keys) {
      if (!has(right, key)) return false;
      const same = _eq(left[key], right[key]);
      if (same !== true) return same;
    }
    return true;
  }
  return left === right;
}

function _ne(left: Cel, right: Cel): Cel {
  return _not(_eq(left, right));
}

function compare(left: Cel, right: Cel): number | typeof ERR {
  if (left === ERR || right === ERR) return ERR;
  const comparable =
    (numeric(left) && numeric(right)) ||
    (typeof left === "string" && typeof right === "string") ||
    (typeof left === "boolean" && typeof right === "boolean");
  if (!comparable) return ERR;
  const [a, b] = [left as number, right as number];
  return a < b ? -1 : a > b ? 1 : 0;
}

function _lt(left: Cel, right: Cel): Cel {
  const order = compare(left, right);
  return order === ERR ? ERR : order < 0;
}

function _le(left: Cel, right: Cel): Cel {
  const order = compare(left, right);
  return order === ERR ? ERR : order <= 0;
}

function _gt(left: Cel, right: Cel): Cel {
  const order = compare(left, right);
  return order === ERR ? ERR : order > 0;
}

function _ge(left: Cel, right: Cel): Cel {
  const order = compare(left, right);
  return order === ERR ? ERR : order >= 0;
}

function _in(item: Cel, collection: Cel): Cel {
  if (item === ERR || collection === ERR) return ERR;
  if (isObject(collection)) return typeof item === "string" && has(collection, item);
  if (!Array.isArray(collection)) return ERR;
  return collection.some((entry) => _eq(item, entry) === true);
}

function int64(value: bigint): Cel {
  return value >= MIN_INT && value <= MAX_INT ? value : ERR;
}

function _add(left: Cel, right: Cel): Cel {
  if (typeof left === "string" && typeof right === "string") return left + right;
  if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
  if (typeof left === "bigint" && typeof right === "bigint") return int64(left + right);
  if (typeof left === "number" && typeof right === "number") return left + right;
  return ERR;
}

function _sub(left: Cel, right: Cel): Cel {
  if (typeof left === "bigint" && typeof right === "bigint") return int64(left - right);
  if (typeof left === "number" && typeof right === "number") return left - right;
  return ERR;
}

function _mul(left: Cel, right: Cel): Cel {
  if (typeof left === "bigint" && typeof right === "bigint") return int64(left * right);
  if (typeof left === "number" && typeof right === "number") return left * right;
  return ERR;
}

function _div(left: Cel, right: Cel): Cel {
  if (typeof left === "bigint" && typeof right === "bigint") return right === 0n ? ERR : int64(left / right);
  if (typeof left === "number" && typeof right === "number") return right === 0 ? ERR : left / right;
  return ERR;
}

function _rem(left: Cel, right: Cel): Cel {
  if (typeof left === "bigint" && typeof right === "bigint" && right !== 0n) return left % right;
  return ERR;
}

function _neg(value: Cel): Cel {
  if (typeof value === "bigint") return int64(-value);
  if (typeof value === "number") return -value;
  return ERR;
}

function _size(value: Cel): Cel {
  if (typeof value === "string") {
    return BigInt(Array.from(value).length);
  }
  if (Array.isArray(value)) return BigInt(value.length);
  if (isObject(value)) return BigInt(Object.keys(value).length);
  return ERR;
}

const UTF8 = new TextEncoder();

function _byte_size(value: Cel): Cel {
  return typeof value === "string" ? BigInt(UTF8.encode(value).length) : ERR;
}

function _starts_with(value: Cel, prefix: Cel): Cel {
  return typeof value === "string" && typeof prefix === "string" ? value.startsWith(prefix) : ERR;
}

function _ends_with(value: Cel, suffix: Cel): Cel {
  return typeof value === "string" && typeof suffix === "string" ? value.endsWith(suffix) : ERR;
}

function _contains_text(value: Cel, part: Cel): Cel {
  return typeof value === "string" && typeof part === "string" ? value.includes(part) : ERR;
}

function _matches(value: Cel, pattern: RegExp): Cel {
  return typeof value === "string" ? pattern.test(value) : ERR;
}

function items(value: Cel): Cel[] | typeof ERR {
  if (Array.isArray(value)) return value;
  if (isObject(value)) return Object.keys(value);
  return ERR;
}

function _all(collection: Cel, predicate: (item: Cel) => Cel): Cel {
  const list = items(collection);
  if (list === ERR) return ERR;
  let failed = false;
  for (const item of list) {
    const result = predicate(item);
    if (result === false) return false;
    if (result !== true) failed = true;
  }
  return failed ? ERR : true;
}

function _exists(collection: Cel, predicate: (item: Cel) => Cel): Cel {
  const list = items(collection);
  if (list === ERR) return ERR;
  let failed = false;
  for (const item of list) {
    const result = predicate(item);
    if (result === true) return true;
    if (result !== false) failed = true;
  }
  return failed ? ERR : false;
}

function _exists_one(collection: Cel, predicate: (item: Cel) => Cel): Cel {
  const list = items(collection);
  if (list === ERR) return ERR;
  let count = 0;
  for (const item of list) {
    const result = predicate(item);
    if (result === true) count++;
    else if (result !== false) return ERR;
  }
  return count === 1;
}

function _filter(collection: Cel, predicate: (item: Cel) => Cel): Cel {
  const list = items(collection);
  if (list === ERR) return ERR;
  const kept: Cel[] = [];
  for (const item of list) {
    const result = predicate(item);
    if (result === true) kept.push(item);
    else if (result !== false) return ERR;
  }
  return kept;
}

function _map(collection: Cel, transform: (item: Cel) => Cel, keep?: (item: Cel) => Cel): Cel {
  const list = items(collection);
  if (list === ERR) return ERR;
  const out: Cel[] = [];
  for (const item of list) {
    if (keep !== undefined) {
      const result = keep(item);
      if (result === false) continue;
      if (result !== true) return ERR;
    }
    const value = transform(item);
    if (value === ERR) return ERR;
    out.push(value);
  }
  return out;
}

function _index(collection: Cel, key: Cel): Cel {
  if (Array.isArray(collection) && typeof key === "bigint" && key >= 0n && key < BigInt(collection.length)) {
    return collection[Number(key)];
  }
  if (isObject(collection) && typeof key === "string" && has(collection, key)) return collection[key];
  return ERR;
}

/** The places of the items of a list a rule's `all` finds false. */
function _each(pointer: string, collection: Cel, predicate: (item: Cel) => Cel): string[] {
  const list = items(collection);
  if (list === ERR) return [];
  const out: string[] = [];
  list.forEach((item, index) => {
    if (predicate(item) === false) out.push(`${pointer}/${index}`);
  });
  return out;
}

/** The place of a field whose name a rule computes. */
function _named(pointer: string, name: Cel): string[] {
  return [typeof name === "string" ? `${pointer}/${escape(name)}` : pointer];
}
