// Finding is one problem of a document: the rule broken, how bad, where (a JSON pointer) and what.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Pointer  string `json:"pointer"`
	Message  string `json:"message"`
}

// Result is what Validate found: Valid when no finding is an error (warnings are allowed).
type Result struct {
	Valid    bool      `json:"valid"`
	Findings []Finding `json:"findings"`
}

// Validate validates one getConversation response, given as its JSON text. The findings are
// those `timschema check` reports with its default options: the text read strictly (json/*),
// the structure (schema/*, unknown keys as schema/unknown-field warnings) and every rule of the
// contract, each reported once at its place.
func Validate(document []byte) Result {
	value, problem := vParse(document)
	if problem != nil {
		return Result{Valid: false, Findings: []Finding{*problem}}
	}
	walk := &vWalk{places: map[string]bool{}}
	vRoot(value, "", "", walk)
	findings := walk.findings(value)
	valid := true
	for _, f := range findings {
		if f.Severity == "error" {
			valid = false
		}
	}
	return Result{Valid: valid, Findings: findings}
}

// ---- reading the text strictly ----------------------------------------------------------

const vMaxDepth = 127

type vProblem struct{ rule, pointer string }

func vFinding(rule, pointer, message string) Finding {
	return Finding{Rule: rule, Severity: "error", Pointer: pointer, Message: message}
}

func vParse(document []byte) (value any, problem *Finding) {
	document = bytes.TrimPrefix(document, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(document) {
		f := vFinding("json/utf8", "", "the text is not UTF-8")
		return nil, &f
	}
	if len(bytes.Trim(document, " \t\n\r")) == 0 {
		f := vFinding("json/empty", "", "the document is empty")
		return nil, &f
	}
	reader := &vReader{text: document}
	defer func() {
		if caught := recover(); caught != nil {
			p, ok := caught.(vProblem)
			if !ok {
				panic(caught)
			}
			f := vFinding(p.rule, p.pointer, p.rule)
			value, problem = nil, &f
		}
	}()
	reader.space()
	value = reader.value(0)
	reader.space()
	if reader.at < len(document) {
		f := vFinding("json/trailing", "", "data follows the document")
		return nil, &f
	}
	if reader.overflow != nil {
		f := vFinding("json/integer-overflow", *reader.overflow, "an integer does not fit in 64 bits")
		return nil, &f
	}
	return value, nil
}

// vReader finds the first problem of a text in reading order, as serde_json does: a syntax
// error, a repeated key (at the repeated member), nesting deeper than 127 levels, data after
// the document; an integer beyond 64 bits is remembered and reported if nothing else is.
// Integers are int64, or uint64 above the int64 range; other numbers are float64.
type vReader struct {
	text     []byte
	at       int
	overflow *string
	path     []any
}

func (r *vReader) pointer() string {
	var b strings.Builder
	for _, token := range r.path {
		b.WriteByte('/')
		switch t := token.(type) {
		case int:
			b.WriteString(strconv.Itoa(t))
		case string:
			b.WriteString(vEscape(t))
		}
	}
	return b.String()
}

func (r *vReader) fail(rule, pointer string) {
	panic(vProblem{rule, pointer})
}

func (r *vReader) syntax() {
	r.fail("json/syntax", "")
}

func (r *vReader) peek() byte {
	if r.at < len(r.text) {
		return r.text[r.at]
	}
	return 0
}

func (r *vReader) space() {
	for r.at < len(r.text) {
		switch r.text[r.at] {
		case ' ', '\t', '\n', '\r':
			r.at++
		default:
			return
		}
	}
}

func (r *vReader) value(depth int) any {
	c := r.peek()
	switch {
	case c == '{' || c == '[':
		if depth+1 > vMaxDepth {
			r.fail("json/depth", "")
		}
		r.at++
		r.space()
		if c == '[' {
			return r.array(depth + 1)
		}
		return r.object(depth + 1)
	case c == '"':
		return r.string()
	case c == '-' || (c >= '0' && c <= '9'):
		return r.number()
	case bytes.HasPrefix(r.text[r.at:], []byte("true")):
		r.at += 4
		return true
	case bytes.HasPrefix(r.text[r.at:], []byte("false")):
		r.at += 5
		return false
	case bytes.HasPrefix(r.text[r.at:], []byte("null")):
		r.at += 4
		return nil
	}
	r.syntax()
	return nil
}

func (r *vReader) array(depth int) []any {
	list := []any{}
	if r.peek() == ']' {
		r.at++
		return list
	}
	for {
		r.space()
		r.path = append(r.path, len(list))
		list = append(list, r.value(depth))
		r.path = r.path[:len(r.path)-1]
		r.space()
		switch r.peek() {
		case ',':
			r.at++
		case ']':
			r.at++
			return list
		default:
			r.syntax()
		}
	}
}

func (r *vReader) object(depth int) map[string]any {
	object := map[string]any{}
	if r.peek() == '}' {
		r.at++
		return object
	}
	for {
		r.space()
		if r.peek() != '"' {
			r.syntax()
		}
		key := r.string()
		r.path = append(r.path, key)
		if _, repeated := object[key]; repeated {
			r.fail("json/duplicate-key", r.pointer())
		}
		r.space()
		if r.peek() != ':' {
			r.syntax()
		}
		r.at++
		r.space()
		object[key] = r.value(depth)
		r.path = r.path[:len(r.path)-1]
		r.space()
		switch r.peek() {
		case ',':
			r.at++
		case '}':
			r.at++
			return object
		default:
			r.syntax()
		}
	}
}

func (r *vReader) hex4() rune {
	if r.at+4 > len(r.text) {
		r.syntax()
	}
	n, err := strconv.ParseUint(string(r.text[r.at:r.at+4]), 16, 32)
	if err != nil {
		r.syntax()
	}
	r.at += 4
	return rune(n)
}

func (r *vReader) string() string {
	r.at++
	start := r.at
	for r.at < len(r.text) {
		c := r.text[r.at]
		if c == '"' {
			s := string(r.text[start:r.at])
			r.at++
			return s
		}
		if c < 0x20 {
			r.syntax()
		}
		if c == '\\' {
			break
		}
		r.at++
	}
	var b strings.Builder
	b.Write(r.text[start:r.at])
	for {
		if r.at >= len(r.text) {
			r.syntax()
		}
		c := r.text[r.at]
		switch {
		case c == '"':
			r.at++
			return b.String()
		case c < 0x20:
			r.syntax()
		case c != '\\':
			b.WriteByte(c)
			r.at++
			continue
		}
		r.at++
		escape := r.peek()
		r.at++
		switch escape {
		case '"', '\\', '/':
			b.WriteByte(escape)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			code := r.hex4()
			if code >= 0xdc00 && code <= 0xdfff {
				r.syntax()
			}
			if code >= 0xd800 && code <= 0xdbff {
				if !bytes.HasPrefix(r.text[r.at:], []byte("\\u")) {
					r.syntax()
				}
				r.at += 2
				low := r.hex4()
				if low < 0xdc00 || low > 0xdfff {
					r.syntax()
				}
				code = 0x10000 + (code-0xd800)<<10 + (low - 0xdc00)
			}
			b.WriteRune(code)
		default:
			r.syntax()
		}
	}
}

func (r *vReader) digits() int {
	start := r.at
	for r.at < len(r.text) && r.text[r.at] >= '0' && r.text[r.at] <= '9' {
		r.at++
	}
	return r.at - start
}

func (r *vReader) number() any {
	start := r.at
	if r.peek() == '-' {
		r.at++
	}
	switch {
	case r.peek() == '0':
		r.at++
	case r.peek() >= '1' && r.peek() <= '9':
		r.digits()
	default:
		r.syntax()
	}
	integer := true
	if r.peek() == '.' {
		r.at++
		integer = false
		if r.digits() == 0 {
			r.syntax()
		}
	}
	if c := r.peek(); c == 'e' || c == 'E' {
		r.at++
		integer = false
		if c := r.peek(); c == '+' || c == '-' {
			r.at++
		}
		if r.digits() == 0 {
			r.syntax()
		}
	}
	text := string(r.text[start:r.at])
	if integer {
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			return n
		}
		if n, err := strconv.ParseUint(text, 10, 64); err == nil {
			return n
		}
		if r.overflow == nil {
			pointer := r.pointer()
			r.overflow = &pointer
		}
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && (math.IsInf(f, 0) || math.IsNaN(f)) {
		r.syntax()
	}
	return f
}

func vEscape(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

func vUnescape(token string) string {
	return strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
}

// ---- the structure ----------------------------------------------------------------------

// vWalk gathers what a walk of a document beside the schema finds: structural errors (one per
// place), the values that do not read and are set aside as the typed SDK models would drop
// them, unknown keys, and the objects and enumeration values the rules apply to.
type vWalk struct {
	structural []Finding
	places     map[string]bool
	aside      []string
	unknown    []string
	instances  []vInstance
}

type vInstance struct {
	kind, pointer string
	value         any
}

func (w *vWalk) error(rule, pointer, aside, message string) {
	if !w.places[pointer] {
		w.places[pointer] = true
		w.structural = append(w.structural, vFinding(rule, pointer, message))
	}
	for _, a := range w.aside {
		if a == aside {
			return
		}
	}
	w.aside = append(w.aside, aside)
}

const vMaxRepairs = 256

// findings merges the layers as `timschema check` does. A rule runs on the values that read
// (those set aside removed) unless a field it reads was set aside; a rule the schema's keywords
// enforce is also judged where the typed models could not run it (on a field rule's value that
// did not read, inside a value set aside, or everywhere when the document itself does not
// read), on the values of the right JSON kind, as the schema judges them.
func (w *vWalk) findings(document any) []Finding {
	aside := w.aside
	readable := len(aside) <= vMaxRepairs
	for _, a := range aside {
		if a == "" {
			readable = false
		}
	}
	typed := document
	if len(aside) > 0 && readable {
		typed = vCopy(document)
		for _, pointer := range aside {
			vRemove(typed, pointer)
		}
	}
	found := []Finding{}
	for _, instance := range w.instances {
		rules := vRules[instance.kind]
		if len(rules) == 0 {
			continue
		}
		inside := !readable
		for _, a := range aside {
			inside = inside || vContains(a, instance.pointer)
		}
		if inside {
			raw := vRawView(instance.kind, instance.value)
			for _, rule := range rules {
				if rule.schema {
					found = append(found, rule.judge(raw, instance.pointer)...)
				}
			}
			continue
		}
		view := instance.value
		if len(aside) > 0 {
			view = vResolve(typed, instance.pointer)
		}
		for _, rule := range rules {
			unread := false
			for _, a := range aside {
				for _, field := range rule.reads {
					unread = unread || vContains(a, instance.pointer+"/"+field)
				}
			}
			if unread {
				if rule.field {
					found = append(found, rule.judge(vRawView(instance.kind, instance.value), instance.pointer)...)
				}
				continue
			}
			found = append(found, rule.judge(view, instance.pointer)...)
		}
	}
	places := map[string]bool{}
	for _, f := range found {
		places[f.Pointer] = true
	}
	for _, f := range w.structural {
		if !places[f.Pointer] {
			found = append(found, f)
		}
	}
	for _, pointer := range w.unknown {
		key := vUnescape(pointer[strings.LastIndex(pointer, "/")+1:])
		found = append(found, Finding{Rule: "schema/unknown-field", Severity: "warning", Pointer: pointer, Message: strconv.Quote(key) + " is not a field of the contract"})
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].Pointer != found[j].Pointer {
			return found[i].Pointer < found[j].Pointer
		}
		return found[i].Rule < found[j].Rule
	})
	out := found[:0]
	for i, f := range found {
		if i > 0 && f.Rule == found[i-1].Rule && f.Pointer == found[i-1].Pointer {
			continue
		}
		out = append(out, f)
	}
	return out
}

func vContains(outer, inner string) bool {
	return outer == "" || inner == outer || strings.HasPrefix(inner, outer+"/")
}

func vCopy(value any) any {
	switch v := value.(type) {
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = vCopy(item)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for key, item := range v {
			out[key] = vCopy(item)
		}
		return out
	}
	return value
}

// vResolve is the value at pointer, or nil when nothing is there (a value around it was removed).
func vResolve(document any, pointer string) any {
	here := document
	if pointer == "" {
		return here
	}
	for _, token := range strings.Split(pointer, "/")[1:] {
		key := vUnescape(token)
		switch v := here.(type) {
		case []any:
			index, err := strconv.Atoi(key)
			if err != nil || index < 0 || index >= len(v) {
				return nil
			}
			here = v[index]
		case map[string]any:
			item, ok := v[key]
			if !ok {
				return nil
			}
			here = item
		default:
			return nil
		}
	}
	return here
}

func vRemove(document any, pointer string) {
	at := strings.LastIndex(pointer, "/")
	if parent, ok := vResolve(document, pointer[:at]).(map[string]any); ok {
		delete(parent, vUnescape(pointer[at+1:]))
	}
}

// vRawView is an instance as the schema's rule keywords see it: only the fields of the JSON
// kind their type asks for (a rule's keywords leave a value of another kind to the structural
// check).
func vRawView(kind string, value any) any {
	fields, known := vKinds[kind]
	object, isObject := value.(map[string]any)
	if !known || !isObject {
		return value
	}
	out := map[string]any{}
	for key, entry := range object {
		if is, ok := fields[key]; ok && entry != nil && is(entry) {
			out[key] = entry
		}
	}
	return out
}

func vKindOf(value any) string {
	switch v := value.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case int64, uint64:
		return fmt.Sprintf("the integer %v", v)
	case float64:
		return fmt.Sprintf("the number %v", v)
	case string:
		return "the string " + strconv.Quote(v)
	case []any:
		return "an array"
	}
	return "an object"
}

type vChecker func(value any, pointer, aside string, walk *vWalk)

func checkString(value any, pointer, aside string, walk *vWalk) {
	if _, ok := value.(string); !ok {
		walk.error("schema/type", pointer, aside, "expected a string, found "+vKindOf(value))
	}
}

func checkBoolean(value any, pointer, aside string, walk *vWalk) {
	if _, ok := value.(bool); !ok {
		walk.error("schema/type", pointer, aside, "expected a boolean, found "+vKindOf(value))
	}
}

func checkNumber(value any, pointer, aside string, walk *vWalk) {
	switch value.(type) {
	case int64, uint64, float64:
	default:
		walk.error("schema/type", pointer, aside, "expected a number, found "+vKindOf(value))
	}
}

// vIntegral is whether a float64 has no fraction.
func vIntegral(f float64) bool {
	return f == math.Trunc(f) && !math.IsInf(f, 0)
}

func integerChecker(unsigned bool) vChecker {
	inRange := func(value any) bool {
		switch v := value.(type) {
		case int64:
			return !unsigned || v >= 0
		case uint64:
			return unsigned
		case float64:
			if unsigned {
				return v >= 0 && v < 18446744073709551616.0
			}
			return v >= -9223372036854775808.0 && v < 9223372036854775808.0
		}
		return false
	}
	return func(value any, pointer, aside string, walk *vWalk) {
		switch v := value.(type) {
		case float64:
			if !vIntegral(v) {
				walk.error("schema/type", pointer, aside, "expected an integer, found "+vKindOf(value))
				return
			}
			if inRange(v) {
				walk.error("schema/serde", pointer, aside, "expected an integer, found "+vKindOf(value))
				return
			}
		case int64, uint64:
		default:
			walk.error("schema/type", pointer, aside, "expected an integer, found "+vKindOf(value))
			return
		}
		if !inRange(value) {
			walk.error("schema/other", pointer, aside, vKindOf(value)+" is outside the integer's range")
		}
	}
}

func intEnumChecker(name string, values map[int64]bool) vChecker {
	return func(value any, pointer, aside string, walk *vWalk) {
		switch v := value.(type) {
		case int64:
			if values[v] {
				walk.instances = append(walk.instances, vInstance{name, pointer, value})
				return
			}
			walk.error("schema/oneOf", pointer, aside, vKindOf(value)+" is not one of "+name+"'s values")
		case uint64:
			walk.error("schema/oneOf", pointer, aside, vKindOf(value)+" is not one of "+name+"'s values")
		case float64:
			switch {
			case vIntegral(v) && v >= -1e18 && v <= 1e18 && values[int64(v)]:
				walk.error("schema/serde", pointer, aside, "expected an integer, found "+vKindOf(value))
			case vIntegral(v):
				walk.error("schema/oneOf", pointer, aside, vKindOf(value)+" is not one of "+name+"'s values")
			default:
				walk.error("schema/type", pointer, aside, "expected an integer, found "+vKindOf(value))
			}
		default:
			walk.error("schema/type", pointer, aside, "expected an integer, found "+vKindOf(value))
			return
		}
		walk.instances = append(walk.instances, vInstance{name, pointer, value})
	}
}

func strEnumChecker(name string, values map[string]bool) vChecker {
	return func(value any, pointer, aside string, walk *vWalk) {
		text, ok := value.(string)
		if !ok || !values[text] {
			walk.error("schema/oneOf", pointer, aside, vKindOf(value)+" is not one of "+name+"'s values")
		}
		if ok {
			walk.instances = append(walk.instances, vInstance{name, pointer, value})
		}
	}
}

func listChecker(item vChecker, nullable bool) vChecker {
	return func(value any, pointer, aside string, walk *vWalk) {
		list, ok := value.([]any)
		if !ok {
			walk.error("schema/type", pointer, aside, "expected an array, found "+vKindOf(value))
			return
		}
		for index, entry := range list {
			at := pointer + "/" + strconv.Itoa(index)
			if entry == nil {
				if !nullable {
					walk.error("schema/type", at, aside, "expected a value, found null")
				}
			} else {
				item(entry, at, aside, walk)
			}
		}
	}
}

func mapChecker(item vChecker) vChecker {
	return func(value any, pointer, aside string, walk *vWalk) {
		object, ok := value.(map[string]any)
		if !ok {
			walk.error("schema/type", pointer, aside, "expected an object, found "+vKindOf(value))
			return
		}
		if item == nil {
			return
		}
		for key, entry := range object {
			member := pointer + "/" + vEscape(key)
			if entry == nil {
				walk.error("schema/type", member, member, "expected a value, found null")
			} else {
				item(entry, member, member, walk)
			}
		}
	}
}

func anything(value any, pointer, aside string, walk *vWalk) {}

type vField struct {
	check    vChecker
	nullable bool
	required bool
}

func classChecker(name string, fields func() map[string]vField) vChecker {
	var table map[string]vField
	var required []string
	return func(value any, pointer, aside string, walk *vWalk) {
		if table == nil {
			table = fields()
			for key, field := range table {
				if field.required {
					required = append(required, key)
				}
			}
			sort.Strings(required)
		}
		object, ok := value.(map[string]any)
		if !ok {
			walk.error("schema/type", pointer, aside, "expected an object, found "+vKindOf(value))
			return
		}
		for _, key := range required {
			if _, present := object[key]; !present {
				walk.error("schema/required", pointer, aside, "the required field "+strconv.Quote(key)+" is missing")
			}
		}
		for key, entry := range object {
			known, ok := table[key]
			member := pointer + "/" + vEscape(key)
			place := member
			if known.required {
				place = aside
			}
			switch {
			case !ok:
				walk.unknown = append(walk.unknown, member)
			case entry == nil:
				if !known.nullable {
					walk.error("schema/type", member, place, "expected a value, found null")
				}
			default:
				known.check(entry, member, place, walk)
			}
		}
		walk.instances = append(walk.instances, vInstance{name, pointer, value})
	}
}

func isString(value any) bool {
	_, ok := value.(string)
	return ok
}

func isInteger(value any) bool {
	switch v := value.(type) {
	case int64, uint64:
		return true
	case float64:
		return vIntegral(v)
	}
	return false
}

func isNumber(value any) bool {
	switch value.(type) {
	case int64, uint64, float64:
		return true
	}
	return false
}

func isBoolean(value any) bool {
	_, ok := value.(bool)
	return ok
}

func isObject(value any) bool {
	_, ok := value.(map[string]any)
	return ok
}

func isArray(value any) bool {
	_, ok := value.([]any)
	return ok
}

func isAnything(value any) bool {
	return true
}

// ---- the rules, in CEL's semantics ------------------------------------------------------

// vError is CEL's error value: reading an absent field, or an operator given the wrong types.
type vError struct{}

var vErr any = vError{}

type vRule struct {
	id, severity, message string
	reads                 []string
	holds                 func(self_ any) any
	places                func(self_ any, pointer string) []string
	// schema: the schema's keywords enforce it too; field: they sit on the field it reads.
	schema, field bool
}

func (rule vRule) judge(value any, pointer string) []Finding {
	if result, ok := rule.holds(value).(bool); !ok || result {
		return nil
	}
	var out []Finding
	for _, place := range rule.places(value, pointer) {
		out = append(out, Finding{Rule: rule.id, Severity: rule.severity, Pointer: place, Message: rule.message})
	}
	return out
}

func _get(value any, field string) any {
	object, ok := value.(map[string]any)
	if !ok {
		return vErr
	}
	found, ok := object[field]
	if !ok || found == nil {
		return vErr
	}
	return found
}

func _has(value any, field string) any {
	object, ok := value.(map[string]any)
	if !ok {
		return vErr
	}
	return object[field] != nil
}

func _or(left any, right func() any) any {
	if left == true {
		return true
	}
	other := right()
	if other == true {
		return true
	}
	if left == false && other == false {
		return false
	}
	return vErr
}

func _and(left any, right func() any) any {
	if left == false {
		return false
	}
	other := right()
	if other == false {
		return false
	}
	if left == true && other == true {
		return true
	}
	return vErr
}

func _not(value any) any {
	if b, ok := value.(bool); ok {
		return !b
	}
	return vErr
}

func _cond(test any, then, otherwise func() any) any {
	b, ok := test.(bool)
	if !ok {
		return vErr
	}
	if b {
		return then()
	}
	return otherwise()
}

// vBig is a number exactly, for comparing numbers of different kinds.
func vBig(value any) (*big.Float, bool) {
	f := new(big.Float).SetPrec(200)
	switch v := value.(type) {
	case int64:
		return f.SetInt64(v), true
	case uint64:
		return f.SetUint64(v), true
	case float64:
		return f.SetFloat64(v), true
	}
	return nil, false
}

// vCompare orders two numbers, two strings or two booleans; ok is false for anything else.
func vCompare(left, right any) (order int, ok bool) {
	if a, isInt := left.(int64); isInt {
		if b, isInt := right.(int64); isInt {
			return cmp.Compare(a, b), true
		}
	}
	if a, isNumber := vBig(left); isNumber {
		if b, isNumber := vBig(right); isNumber {
			return a.Cmp(b), true
		}
		return 0, false
	}
	switch a := left.(type) {
	case string:
		if b, ok := right.(string); ok {
			return strings.Compare(a, b), true
		}
	case bool:
		if b, ok := right.(bool); ok {
			if a == b {
				return 0, true
			}
			if b {
				return -1, true
			}
			return 1, true
		}
	}
	return 0, false
}

func _eq(left, right any) any {
	if left == vErr || right == vErr {
		return vErr
	}
	if order, ok := vCompare(left, right); ok {
		return order == 0
	}
	switch a := left.(type) {
	case nil:
		return right == nil
	case []any:
		b, ok := right.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if same := _eq(a[i], b[i]); same != true {
				return same
			}
		}
		return true
	case map[string]any:
		b, ok := right.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for key, item := range a {
			other, present := b[key]
			if !present {
				return false
			}
			if same := _eq(item, other); same != true {
				return same
			}
		}
		return true
	}
	return false
}

func _ne(left, right any) any {
	return _not(_eq(left, right))
}

func vOrdered(left, right any, test func(int) bool) any {
	if left == vErr || right == vErr {
		return vErr
	}
	order, ok := vCompare(left, right)
	if !ok {
		return vErr
	}
	return test(order)
}

func _lt(left, right any) any { return vOrdered(left, right, func(o int) bool { return o < 0 }) }
func _le(left, right any) any { return vOrdered(left, right, func(o int) bool { return o <= 0 }) }
func _gt(left, right any) any { return vOrdered(left, right, func(o int) bool { return o > 0 }) }
func _ge(left, right any) any { return vOrdered(left, right, func(o int) bool { return o >= 0 }) }

func _in(item, collection any) any {
	if item == vErr || collection == vErr {
		return vErr
	}
	switch c := collection.(type) {
	case map[string]any:
		key, ok := item.(string)
		if !ok {
			return false
		}
		_, present := c[key]
		return present
	case []any:
		for _, entry := range c {
			if _eq(item, entry) == true {
				return true
			}
		}
		return false
	}
	return vErr
}

func _add(left, right any) any {
	switch a := left.(type) {
	case string:
		if b, ok := right.(string); ok {
			return a + b
		}
	case int64:
		if b, ok := right.(int64); ok {
			sum := a + b
			if (sum > a) == (b > 0) {
				return sum
			}
		}
	case float64:
		if b, ok := right.(float64); ok {
			return a + b
		}
	case []any:
		if b, ok := right.([]any); ok {
			return append(append([]any{}, a...), b...)
		}
	}
	return vErr
}

func _sub(left, right any) any {
	switch a := left.(type) {
	case int64:
		if b, ok := right.(int64); ok {
			difference := a - b
			if (difference < a) == (b > 0) {
				return difference
			}
		}
	case float64:
		if b, ok := right.(float64); ok {
			return a - b
		}
	}
	return vErr
}

func _mul(left, right any) any {
	switch a := left.(type) {
	case int64:
		if b, ok := right.(int64); ok {
			product := a * b
			if a == 0 || (product/a == b && !(a == -1 && b == math.MinInt64)) {
				return product
			}
		}
	case float64:
		if b, ok := right.(float64); ok {
			return a * b
		}
	}
	return vErr
}

func _div(left, right any) any {
	switch a := left.(type) {
	case int64:
		if b, ok := right.(int64); ok && b != 0 && !(a == math.MinInt64 && b == -1) {
			return a / b
		}
	case float64:
		if b, ok := right.(float64); ok && b != 0 {
			return a / b
		}
	}
	return vErr
}

func _rem(left, right any) any {
	a, ok1 := left.(int64)
	b, ok2 := right.(int64)
	if !ok1 || !ok2 || b == 0 || (a == math.MinInt64 && b == -1) {
		return vErr
	}
	return a % b
}

func _index(collection, key any) any {
	switch c := collection.(type) {
	case []any:
		if i, ok := key.(int64); ok && i >= 0 && i < int64(len(c)) {
			return c[i]
		}
	case map[string]any:
		if k, ok := key.(string); ok {
			if item, present := c[k]; present {
				return item
			}
		}
	}
	return vErr
}

func _map(collection any, transform func(any) any, keep ...func(any) any) any {
	items, ok := vItems(collection)
	if !ok {
		return vErr
	}
	out := []any{}
	for _, item := range items {
		if len(keep) > 0 {
			switch keep[0](item) {
			case true:
			case false:
				continue
			default:
				return vErr
			}
		}
		value := transform(item)
		if value == vErr {
			return vErr
		}
		out = append(out, value)
	}
	return out
}

func _neg(value any) any {
	switch v := value.(type) {
	case int64:
		if v != math.MinInt64 {
			return -v
		}
	case float64:
		return -v
	}
	return vErr
}

func _size(value any) any {
	switch v := value.(type) {
	case string:
		return int64(utf8.RuneCountInString(v))
	case []any:
		return int64(len(v))
	case map[string]any:
		return int64(len(v))
	}
	return vErr
}

func _byte_size(value any) any {
	if s, ok := value.(string); ok {
		return int64(len(s))
	}
	return vErr
}

func _starts_with(value, prefix any) any {
	s, ok1 := value.(string)
	p, ok2 := prefix.(string)
	if !ok1 || !ok2 {
		return vErr
	}
	return strings.HasPrefix(s, p)
}

func _ends_with(value, suffix any) any {
	s, ok1 := value.(string)
	p, ok2 := suffix.(string)
	if !ok1 || !ok2 {
		return vErr
	}
	return strings.HasSuffix(s, p)
}

func _contains_text(value, part any) any {
	s, ok1 := value.(string)
	p, ok2 := part.(string)
	if !ok1 || !ok2 {
		return vErr
	}
	return strings.Contains(s, p)
}

func _matches(value any, pattern *regexp.Regexp) any {
	if s, ok := value.(string); ok {
		return pattern.MatchString(s)
	}
	return vErr
}

func vItems(value any) ([]any, bool) {
	switch v := value.(type) {
	case []any:
		return v, true
	case map[string]any:
		keys := make([]any, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		return keys, true
	}
	return nil, false
}

func _all(collection any, predicate func(any) any) any {
	items, ok := vItems(collection)
	if !ok {
		return vErr
	}
	failed := false
	for _, item := range items {
		switch predicate(item) {
		case false:
			return false
		case true:
		default:
			failed = true
		}
	}
	if failed {
		return vErr
	}
	return true
}

func _exists(collection any, predicate func(any) any) any {
	items, ok := vItems(collection)
	if !ok {
		return vErr
	}
	failed := false
	for _, item := range items {
		switch predicate(item) {
		case true:
			return true
		case false:
		default:
			failed = true
		}
	}
	if failed {
		return vErr
	}
	return false
}

func _exists_one(collection any, predicate func(any) any) any {
	items, ok := vItems(collection)
	if !ok {
		return vErr
	}
	count := 0
	for _, item := range items {
		switch predicate(item) {
		case true:
			count++
		case false:
		default:
			return vErr
		}
	}
	return count == 1
}

func _filter(collection any, predicate func(any) any) any {
	items, ok := vItems(collection)
	if !ok {
		return vErr
	}
	kept := []any{}
	for _, item := range items {
		switch predicate(item) {
		case true:
			kept = append(kept, item)
		case false:
		default:
			return vErr
		}
	}
	return kept
}

// _each is the places of the items of a list a rule's `all` finds false.
func _each(pointer string, collection any, predicate func(any) any) []string {
	items, ok := vItems(collection)
	if !ok {
		return nil
	}
	var out []string
	for index, item := range items {
		if predicate(item) == false {
			out = append(out, pointer+"/"+strconv.Itoa(index))
		}
	}
	return out
}

// _named is the place of a field whose name a rule computes.
func _named(pointer string, name any) []string {
	if s, ok := name.(string); ok {
		return []string{pointer + "/" + vEscape(s)}
	}
	return []string{pointer}
}
