class Finding(NamedTuple):
    """One problem of a document: the rule broken, how bad, where (a JSON pointer) and what."""

    rule: str
    severity: str
    pointer: str
    message: str


class Result(NamedTuple):
    """What `validate` found: `valid` when no finding is an error (warnings are allowed)."""

    valid: bool
    findings: List[Finding]


def validate(document: Union[str, bytes]) -> Result:
    """Validates one getConversation response, given as its JSON text.

    The findings are those `timschema check` reports with its default options: the text read
    strictly (`json/*`), the structure (`schema/*`, unknown keys as `schema/unknown-field`
    warnings) and every rule of the contract, each reported once at its place.
    """
    value, problem = _parse(document)
    if problem is not None:
        return Result(False, [problem])
    walk = _Walk()
    _root(value, "", "", walk)
    findings = walk.findings(value)
    return Result(not any(f.severity == "error" for f in findings), findings)


# ---- reading the text strictly -------------------------------------------------------------

_MIN_INT = -(2**63)
_MAX_UINT = 2**64 - 1
_MAX_DEPTH = 127
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB]")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


class _Refused(Exception):
    pass


def _pairs(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Refused()
    return out


def _integer(text: str) -> int:
    value = int(text)
    if value < _MIN_INT or value > _MAX_UINT:
        raise _Refused()
    return value


def _number(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Refused()
    return value


def _constant(text: str) -> Any:
    raise _Refused()


def _parse(document: Union[str, bytes]) -> Tuple[Any, Optional[Finding]]:
    if isinstance(document, bytes):
        if document.startswith(b"\xef\xbb\xbf"):
            document = document[3:]
        try:
            text = document.decode("utf-8")
        except UnicodeDecodeError:
            return None, Finding("json/utf8", "error", "", "the text is not UTF-8")
    else:
        text = document[1:] if document.startswith("\ufeff") else document
    if text.strip(" \t\n\r") == "":
        return None, Finding("json/empty", "error", "", "the document is empty")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_int=_integer,
            parse_float=_number,
            parse_constant=_constant,
        )
    except (ValueError, _Refused, RecursionError):
        problem = _Strict(text).first_problem()
        return None, problem or Finding("json/syntax", "error", "", "the text is not JSON")
    if (text.count("[") + text.count("{") > _MAX_DEPTH and _too_deep(text)) or (
        "\\u" in text and _SURROGATE_ESCAPE.search(text)
    ):
        problem = _Strict(text).first_problem()
        if problem is not None:
            return None, problem
    return value, None


def _too_deep(text: str) -> bool:
    depth = 0
    for bracket in re.findall(r"[\[\]{}]", _STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > _MAX_DEPTH:
            return True
    return False


class _Strict:
    """A reader that finds the first problem of a text in reading order, as serde_json does:
    a syntax error, a repeated key (at the repeated member), nesting deeper than 127 levels,
    data after the document; then an integer beyond 64 bits."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.overflow: Optional[str] = None

    def first_problem(self) -> Optional[Finding]:
        try:
            self.skip()
            self.value("", 0)
            self.skip()
            if self.at < len(self.text):
                return Finding("json/trailing", "error", "", "data follows the document")
        except _Problem as problem:
            return Finding(problem.rule, "error", problem.pointer, problem.rule)
        if self.overflow is not None:
            return Finding("json/integer-overflow", "error", self.overflow, "an integer does not fit in 64 bits")
        return None

    def fail(self, rule: str = "json/syntax", pointer: str = "") -> NoReturn:
        raise _Problem(rule, pointer)

    def skip(self) -> None:
        while self.at < len(self.text) and self.text[self.at] in " \t\n\r":
            self.at += 1

    def value(self, pointer: str, depth: int) -> None:
        if self.at >= len(self.text):
            self.fail()
        c = self.text[self.at]
        if c in "[{":
            if depth + 1 > _MAX_DEPTH:
                self.fail("json/depth")
            self.at += 1
            self.skip()
            if c == "[":
                self.array(pointer, depth + 1)
            else:
                self.object(pointer, depth + 1)
        elif c == '"':
            self.string()
        elif c == "-" or c.isdigit():
            self.number(pointer)
        else:
            for word in ("true", "false", "null"):
                if self.text.startswith(word, self.at):
                    self.at += len(word)
                    return
            self.fail()

    def array(self, pointer: str, depth: int) -> None:
        if self.text.startswith("]", self.at):
            self.at += 1
            return
        index = 0
        while True:
            self.skip()
            self.value(f"{pointer}/{index}", depth)
            self.skip()
            if self.text.startswith(",", self.at):
                self.at += 1
                index += 1
            elif self.text.startswith("]", self.at):
                self.at += 1
                return
            else:
                self.fail()

    def object(self, pointer: str, depth: int) -> None:
        if self.text.startswith("}", self.at):
            self.at += 1
            return
        keys = set()
        while True:
            self.skip()
            if not self.text.startswith('"', self.at):
                self.fail()
            key = self.string()
            member = f"{pointer}/{_escape(key)}"
            if key in keys:
                self.fail("json/duplicate-key", member)
            keys.add(key)
            self.skip()
            if not self.text.startswith(":", self.at):
                self.fail()
            self.at += 1
            self.skip()
            self.value(member, depth)
            self.skip()
            if self.text.startswith(",", self.at):
                self.at += 1
            elif self.text.startswith("}", self.at):
                self.at += 1
                return
            else:
                self.fail()

    def string(self) -> str:
        match = _STRING.match(self.text, self.at)
        if match is None:
            self.fail()
        try:
            value: str = json.loads(match.group())
            value.encode("utf-8")
        except (ValueError, UnicodeEncodeError):
            self.fail()
        self.at = match.end()
        return value

    def number(self, pointer: str) -> None:
        match = _NUMBER.match(self.text, self.at)
        if match is None:
            self.fail()
        self.at = match.end()
        if match.group(2) is None and match.group(3) is None:
            value = int(match.group())
            if (value < _MIN_INT or value > _MAX_UINT) and self.overflow is None:
                self.overflow = pointer
        elif float(match.group()) in (float("inf"), float("-inf")):
            self.fail()


_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")


class _Problem(Exception):
    def __init__(self, rule: str, pointer: str) -> None:
        super().__init__(rule)
        self.rule = rule
        self.pointer = pointer


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


# ---- the structure ---------------------------------------------------------------------------


class _Walk:
    """What a walk of a document beside the schema gathers: structural errors (one per place),
    the values that do not read and are set aside as the typed SDK models would drop them,
    unknown keys, and the objects and enumeration values the rules apply to."""

    def __init__(self) -> None:
        self.structural: List[Finding] = []
        self.at: set[str] = set()
        self.aside: List[str] = []
        self.unknown: List[str] = []
        self.instances: List[Tuple[str, str, Any]] = []

    def error(self, rule: str, pointer: str, aside: str, message: str) -> None:
        if pointer not in self.at:
            self.at.add(pointer)
            self.structural.append(Finding(rule, "error", pointer, message))
        if aside not in self.aside:
            self.aside.append(aside)

    def findings(self, document: Any) -> List[Finding]:
        """The findings merged as `timschema check` merges its layers. A rule runs on the values
        that read (those set aside removed) unless a field it reads was set aside; a rule the
        schema's keywords enforce is also judged where the typed models could not run it (on a
        field rule's value that did not read, inside a value set aside, or everywhere when the
        document itself does not read), on the values of the right JSON kind, as the schema
        judges them."""
        aside = self.aside
        readable = "" not in aside and len(aside) <= _MAX_REPAIRS
        typed = document
        if aside and readable:
            typed = copy.deepcopy(document)
            for pointer in aside:
                _remove(typed, pointer)
        found: List[Finding] = []
        for kind, pointer, value in self.instances:
            rules = _RULES.get(kind)
            if not rules:
                continue
            if not readable or any(_contains(a, pointer) for a in aside):
                raw = _raw_view(kind, value)
                found.extend(f for rule in rules if rule.schema for f in rule.judge(raw, pointer))
                continue
            view = _resolve(typed, pointer) if aside else value
            for rule in rules:
                if aside and any(_contains(a, f"{pointer}/{field}") for a in aside for field in rule.reads):
                    if rule.field:
                        found.extend(rule.judge(_raw_view(kind, value), pointer))
                    continue
                found.extend(rule.judge(view, pointer))
        places = {f.pointer for f in found}
        found.extend(f for f in self.structural if f.pointer not in places)
        found.extend(
            Finding(
                "schema/unknown-field",
                "warning",
                pointer,
                f"{_unescape(pointer.rsplit('/', 1)[1])!r} is not a field of the contract",
            )
            for pointer in self.unknown
        )
        return sorted(set(found), key=lambda f: (f.pointer.encode("utf-8"), f.rule))


_Checker = Callable[[Any, str, str, _Walk], None]
"""Checks a value (at a pointer, set aside at another when it does not read) into a walk."""


def _raw_view(kind: str, value: Any) -> Any:
    """An instance as the schema's rule keywords see it: only the fields of the JSON kind their
    type asks for (a rule's keywords leave a value of another kind to the structural check)."""
    fields = _KINDS.get(kind)
    if fields is None or type(value) is not dict:
        return value
    return {k: v for k, v in value.items() if v is not None and k in fields and fields[k](v)}


def _resolve(document: Any, pointer: str) -> Any:
    """The value at `pointer`, or None when nothing is there (a value around it was removed)."""
    for token in pointer.split("/")[1:]:
        token = _unescape(token)
        if type(document) is list and token.isdigit() and int(token) < len(document):
            document = document[int(token)]
        elif type(document) is dict and token in document:
            document = document[token]
        else:
            return None
    return document


_MAX_REPAIRS = 256


def _contains(outer: str, inner: str) -> bool:
    return inner == outer or inner.startswith(outer + "/") or outer == ""


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _remove(document: Any, pointer: str) -> None:
    parent_pointer, key = pointer.rsplit("/", 1)
    parent = _resolve(document, parent_pointer)
    if type(parent) is dict:
        parent.pop(_unescape(key), None)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _check_string(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
    if type(value) is not str:
        walk.error("schema/type", pointer, aside, f"expected a string, found {_kind(value)}")


def _check_boolean(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
    if type(value) is not bool:
        walk.error("schema/type", pointer, aside, f"expected a boolean, found {_kind(value)}")


def _check_number(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
    if type(value) not in (int, float):
        walk.error("schema/type", pointer, aside, f"expected a number, found {_kind(value)}")


def _integer_checker(low: int, high: int) -> _Checker:
    def check(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
        kind = type(value)
        if kind is float and value.is_integer():
            if low <= value <= high:
                walk.error("schema/serde", pointer, aside, f"expected an integer, found {_kind(value)}")
                return
        elif kind is not int:
            walk.error("schema/type", pointer, aside, f"expected an integer, found {_kind(value)}")
            return
        if not low <= value <= high:
            walk.error("schema/other", pointer, aside, f"{value} is outside {low} to {high}")

    return check


def _int_enum_checker(name: str, values: FrozenSet[int]) -> _Checker:
    def check(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
        kind = type(value)
        if kind is int and value in values:
            walk.instances.append((name, pointer, value))
            return
        elif kind is float and value.is_integer() and int(value) in values:
            walk.error("schema/serde", pointer, aside, f"expected an integer, found {_kind(value)}")
        elif kind is int or (kind is float and value.is_integer()):
            walk.error("schema/oneOf", pointer, aside, f"{_kind(value)} is not one of {name}'s values")
        else:
            walk.error("schema/type", pointer, aside, f"expected an integer, found {_kind(value)}")
        if kind in (int, float):
            walk.instances.append((name, pointer, value))

    return check


def _str_enum_checker(name: str, values: FrozenSet[str]) -> _Checker:
    def check(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
        if type(value) is not str or value not in values:
            walk.error("schema/oneOf", pointer, aside, f"{_kind(value)} is not one of {name}'s values")
        if type(value) is str:
            walk.instances.append((name, pointer, value))

    return check


def _list_checker(
    item: _Checker, nullable: bool
) -> _Checker:
    def check(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
        if type(value) is not list:
            walk.error("schema/type", pointer, aside, f"expected an array, found {_kind(value)}")
            return
        for index, entry in enumerate(value):
            if entry is None:
                if not nullable:
                    walk.error("schema/type", f"{pointer}/{index}", aside, "expected a value, found null")
            else:
                item(entry, f"{pointer}/{index}", aside, walk)

    return check


def _map_checker(item: Optional[_Checker]) -> _Checker:
    def check(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
        if type(value) is not dict:
            walk.error("schema/type", pointer, aside, f"expected an object, found {_kind(value)}")
            return
        if item is not None:
            for key, entry in value.items():
                member = f"{pointer}/{_escape(key)}"
                if entry is None:
                    walk.error("schema/type", member, member, "expected a value, found null")
                else:
                    item(entry, member, member, walk)

    return check


def _any(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
    pass


def _is_string(value: Any) -> bool:
    return type(value) is str


def _is_integer(value: Any) -> bool:
    return type(value) is int or (type(value) is float and value.is_integer())


def _is_number(value: Any) -> bool:
    return type(value) in (int, float)


def _is_boolean(value: Any) -> bool:
    return type(value) is bool


def _is_object(value: Any) -> bool:
    return type(value) is dict


def _is_array(value: Any) -> bool:
    return type(value) is list


def _is_anything(value: Any) -> bool:
    return True


class _Field(NamedTuple):
    check: _Checker
    nullable: bool
    required: bool


def _class_checker(
    name: str, fields: Callable[[], Dict[str, _Field]]
) -> _Checker:
    table: Dict[str, _Field] = {}

    def check(value: Any, pointer: str, aside: str, walk: _Walk) -> None:
        if not table:
            table.update(fields())
        if type(value) is not dict:
            walk.error("schema/type", pointer, aside, f"expected an object, found {_kind(value)}")
            return
        for key, field in table.items():
            if field.required and key not in value:
                walk.error("schema/required", pointer, aside, f"the required field {key!r} is missing")
        for key, entry in value.items():
            known = table.get(key)
            member = f"{pointer}/{_escape(key)}"
            if known is None:
                walk.unknown.append(member)
            elif entry is None:
                if not known.nullable:
                    walk.error("schema/type", member, aside if known.required else member, "expected a value, found null")
            else:
                known.check(entry, member, aside if known.required else member, walk)
        walk.instances.append((name, pointer, value))

    return check


# ---- the rules, in CEL's semantics -----------------------------------------------------------


class _Error:
    """CEL's error value: reading an absent field, or an operator given the wrong types."""

    def __repr__(self) -> str:
        return "<error>"


_ERR = _Error()


class _Rule(NamedTuple):
    id: str
    severity: str
    message: str
    reads: Tuple[str, ...]
    holds: Callable[[Any], Any]
    places: Callable[[Any, str], List[str]]
    schema: bool
    """The schema's keywords enforce it too."""
    field: bool
    """Its keywords are on the field it reads (a field rule)."""

    def judge(self, value: Any, pointer: str) -> List[Finding]:
        if self.holds(value) is not False:
            return []
        return [Finding(self.id, self.severity, place, self.message) for place in self.places(value, pointer)]


def _get(value: Any, field: str) -> Any:
    if type(value) is not dict:
        return _ERR
    found = value.get(field)
    return _ERR if found is None else found


def _has(value: Any, field: str) -> Any:
    if type(value) is not dict:
        return _ERR
    return value.get(field) is not None


def _or(left: Any, right: Callable[[], Any]) -> Any:
    if left is True:
        return True
    other = right()
    if other is True:
        return True
    if left is False and other is False:
        return False
    return _ERR


def _and(left: Any, right: Callable[[], Any]) -> Any:
    if left is False:
        return False
    other = right()
    if other is False:
        return False
    if left is True and other is True:
        return True
    return _ERR


def _not(value: Any) -> Any:
    return (not value) if type(value) is bool else _ERR


def _cond(test: Any, then: Callable[[], Any], otherwise: Callable[[], Any]) -> Any:
    if type(test) is not bool:
        return _ERR
    return then() if test else otherwise()


def _eq(left: Any, right: Any) -> Any:
    if left is _ERR or right is _ERR:
        return _ERR
    if _is_number(left) and _is_number(right):
        return left == right
    if type(left) is not type(right):
        return False
    if type(left) is list:
        if len(left) != len(right):
            return False
        for a, b in zip(left, right):
            same = _eq(a, b)
            if same is not True:
                return same
        return True
    if type(left) is dict:
        if left.keys() != right.keys():
            return False
        for key in left:
            same = _eq(left[key], right[key])
            if same is not True:
                return same
        return True
    return left == right


def _ne(left: Any, right: Any) -> Any:
    return _not(_eq(left, right))


def _compare(left: Any, right: Any) -> Any:
    if left is _ERR or right is _ERR:
        return _ERR
    if _is_number(left) and _is_number(right):
        return (left > right) - (left < right)
    if type(left) is type(right) and type(left) in (str, bool):
        return (left > right) - (left < right)
    return _ERR


def _lt(left: Any, right: Any) -> Any:
    order = _compare(left, right)
    return order if order is _ERR else order < 0


def _le(left: Any, right: Any) -> Any:
    order = _compare(left, right)
    return order if order is _ERR else order <= 0


def _gt(left: Any, right: Any) -> Any:
    order = _compare(left, right)
    return order if order is _ERR else order > 0


def _ge(left: Any, right: Any) -> Any:
    order = _compare(left, right)
    return order if order is _ERR else order >= 0


def _in(item: Any, collection: Any) -> Any:
    if item is _ERR or collection is _ERR:
        return _ERR
    if type(collection) is dict:
        return type(item) is str and item in collection
    if type(collection) is not list:
        return _ERR
    for entry in collection:
        if _eq(item, entry) is True:
            return True
    return False


def _int64(value: int) -> Any:
    return value if _MIN_INT <= value < 2**63 else _ERR


def _add(left: Any, right: Any) -> Any:
    if type(left) is str and type(right) is str:
        return left + right
    if type(left) is list and type(right) is list:
        return left + right
    if type(left) is int and type(right) is int:
        return _int64(left + right)
    if type(left) is float and type(right) is float:
        return left + right
    return _ERR


def _sub(left: Any, right: Any) -> Any:
    if type(left) is int and type(right) is int:
        return _int64(left - right)
    if type(left) is float and type(right) is float:
        return left - right
    return _ERR


def _mul(left: Any, right: Any) -> Any:
    if type(left) is int and type(right) is int:
        return _int64(left * right)
    if type(left) is float and type(right) is float:
        return left * right
    return _ERR


def _div(left: Any, right: Any) -> Any:
    if type(left) is int and type(right) is int:
        if right == 0:
            return _ERR
        quotient = abs(left) // abs(right)
        return _int64(quotient if (left < 0) == (right < 0) else -quotient)
    if type(left) is float and type(right) is float:
        return left / right if right != 0 else _ERR
    return _ERR


def _rem(left: Any, right: Any) -> Any:
    if type(left) is int and type(right) is int and right != 0:
        remainder = abs(left) % abs(right)
        return remainder if left >= 0 else -remainder
    return _ERR


def _neg(value: Any) -> Any:
    if type(value) is int:
        return _int64(-value)
    if type(value) is float:
        return -value
    return _ERR


def _size(value: Any) -> Any:
    if type(value) in (str, list, dict):
        return len(value)
    return _ERR


def _byte_size(value: Any) -> Any:
    return len(value.encode("utf-8")) if type(value) is str else _ERR


def _starts_with(value: Any, prefix: Any) -> Any:
    if type(value) is str and type(prefix) is str:
        return value.startswith(prefix)
    return _ERR


def _ends_with(value: Any, suffix: Any) -> Any:
    if type(value) is str and type(suffix) is str:
        return value.endswith(suffix)
    return _ERR


def _contains_text(value: Any, part: Any) -> Any:
    if type(value) is str and type(part) is str:
        return part in value
    return _ERR


def _matches(value: Any, pattern: "re.Pattern[str]") -> Any:
    return pattern.search(value) is not None if type(value) is str else _ERR


def _items(value: Any) -> Any:
    if type(value) is list:
        return value
    if type(value) is dict:
        return list(value)
    return _ERR


def _all(collection: Any, predicate: Callable[[Any], Any]) -> Any:
    items = _items(collection)
    if items is _ERR:
        return _ERR
    failed = False
    for item in items:
        result = predicate(item)
        if result is False:
            return False
        if result is not True:
            failed = True
    return _ERR if failed else True


def _exists(collection: Any, predicate: Callable[[Any], Any]) -> Any:
    items = _items(collection)
    if items is _ERR:
        return _ERR
    failed = False
    for item in items:
        result = predicate(item)
        if result is True:
            return True
        if result is not False:
            failed = True
    return _ERR if failed else False


def _exists_one(collection: Any, predicate: Callable[[Any], Any]) -> Any:
    items = _items(collection)
    if items is _ERR:
        return _ERR
    count = 0
    for item in items:
        result = predicate(item)
        if result is True:
            count += 1
        elif result is not False:
            return _ERR
    return count == 1


def _filter(collection: Any, predicate: Callable[[Any], Any]) -> Any:
    items = _items(collection)
    if items is _ERR:
        return _ERR
    kept = []
    for item in items:
        result = predicate(item)
        if result is True:
            kept.append(item)
        elif result is not False:
            return _ERR
    return kept


def _map(collection: Any, transform: Callable[[Any], Any], keep: Optional[Callable[[Any], Any]] = None) -> Any:
    items = _items(collection)
    if items is _ERR:
        return _ERR
    out = []
    for item in items:
        if keep is not None:
            result = keep(item)
            if result is False:
                continue
            if result is not True:
                return _ERR
        value = transform(item)
        if value is _ERR:
            return _ERR
        out.append(value)
    return out


def _index(collection: Any, key: Any) -> Any:
    if type(collection) is list and type(key) is int and 0 <= key < len(collection):
        return collection[key]
    if type(collection) is dict and type(key) is str and key in collection:
        return collection[key]
    return _ERR


def _each(pointer: str, collection: Any, predicate: Callable[[Any], Any]) -> List[str]:
    """The places of the items of a list a rule's `all` finds false."""
    items = _items(collection)
    if items is _ERR:
        return []
    return [f"{pointer}/{index}" for index, item in enumerate(items) if predicate(item) is False]


def _named(pointer: str, name: Any) -> List[str]:
    """The place of a field whose name a rule computes."""
    return [f"{pointer}/{_escape(name)}"] if type(name) is str else [pointer]
