/** One problem of a document: the rule broken, how bad, where (a JSON pointer) and what. */
data class Finding(val rule: String, val severity: String, val pointer: String, val message: String)

/** What [validate] found: [valid] when no finding is an error (warnings are allowed). */
data class ValidationResult(val valid: Boolean, val findings: List<Finding>)

/**
 * Validates one getConversation response, given as its JSON text. The findings are those
 * `timschema check` reports with its default options: the text read strictly (`json/`*), the
 * structure (`schema/`*, unknown keys as `schema/unknown-field` warnings) and every rule of the
 * contract, each reported once at its place.
 */
fun validate(document: ByteArray): ValidationResult {
    val (value, problem) = vParse(document)
    if (problem != null) return ValidationResult(false, listOf(problem))
    val walk = VWalk()
    vRoot(value, "", "", walk)
    val findings = walk.findings(value)
    return ValidationResult(findings.none { it.severity == "error" }, findings)
}

// ---- reading the text strictly ----------------------------------------------------------

private const val V_MAX_DEPTH = 127
private val V_MAX_UINT = BigInteger("18446744073709551615")

private class VProblem(val rule: String, val pointer: String) : RuntimeException(rule)

private fun vFinding(rule: String, pointer: String, message: String) = Finding(rule, "error", pointer, message)

private fun vParse(document: ByteArray): Pair<Any?, Finding?> {
    var bytes = document
    if (bytes.size >= 3 && bytes[0] == 0xEF.toByte() && bytes[1] == 0xBB.toByte() && bytes[2] == 0xBF.toByte()) {
        bytes = bytes.copyOfRange(3, bytes.size)
    }
    val text = try {
        Charsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString()
    } catch (e: java.nio.charset.CharacterCodingException) {
        return null to vFinding("json/utf8", "", "the text is not UTF-8")
    }
    if (text.all { it == ' ' || it == '\t' || it == '\n' || it == '\r' }) {
        return null to vFinding("json/empty", "", "the document is empty")
    }
    val reader = VReader(text)
    return try {
        reader.space()
        val value = reader.value(0)
        reader.space()
        when {
            reader.at < text.length -> null to vFinding("json/trailing", "", "data follows the document")
            reader.overflow != null -> null to vFinding("json/integer-overflow", reader.overflow!!, "an integer does not fit in 64 bits")
            else -> value to null
        }
    } catch (p: VProblem) {
        null to vFinding(p.rule, p.pointer, p.rule)
    }
}

/**
 * Finds the first problem of a text in reading order, as serde_json does: a syntax error, a
 * repeated key (at the repeated member), nesting deeper than 127 levels, data after the
 * document; an integer beyond 64 bits is remembered and reported if nothing else is. Integers
 * are `Long`, or `BigInteger` above its range; other numbers are `Double`.
 */
private class VReader(val text: String) {
    var at = 0
    var overflow: String? = null
    val path = ArrayList<Any>()

    fun pointer(): String = path.joinToString("") { "/" + if (it is Int) it.toString() else vEscape(it as String) }

    fun fail(rule: String = "json/syntax", pointer: String = ""): Nothing = throw VProblem(rule, pointer)

    fun peek(): Char = if (at < text.length) text[at] else '\u0000'

    fun space() {
        while (at < text.length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) at++
    }

    fun value(depth: Int): Any? {
        val c = peek()
        return when {
            c == '{' || c == '[' -> {
                if (depth + 1 > V_MAX_DEPTH) fail("json/depth")
                at++
                space()
                if (c == '[') array(depth + 1) else obj(depth + 1)
            }
            c == '"' -> string()
            c == '-' || c in '0'..'9' -> number()
            text.startsWith("true", at) -> { at += 4; true }
            text.startsWith("false", at) -> { at += 5; false }
            text.startsWith("null", at) -> { at += 4; null }
            else -> fail()
        }
    }

    fun array(depth: Int): MutableList<Any?> {
        val list = ArrayList<Any?>()
        if (peek() == ']') { at++; return list }
        while (true) {
            space()
            path.add(list.size)
            list.add(value(depth))
            path.removeAt(path.size - 1)
            space()
            when (peek()) {
                ',' -> at++
                ']' -> { at++; return list }
                else -> fail()
            }
        }
    }

    fun obj(depth: Int): MutableMap<String, Any?> {
        val map = LinkedHashMap<String, Any?>()
        if (peek() == '}') { at++; return map }
        while (true) {
            space()
            if (peek() != '"') fail()
            val key = string()
            path.add(key)
            if (map.containsKey(key)) fail("json/duplicate-key", pointer())
            space()
            if (peek() != ':') fail()
            at++
            space()
            map[key] = value(depth)
            path.removeAt(path.size - 1)
            space()
            when (peek()) {
                ',' -> at++
                '}' -> { at++; return map }
                else -> fail()
            }
        }
    }

    fun hex4(): Int {
        if (at + 4 > text.length) fail()
        val code = text.substring(at, at + 4).toIntOrNull(16) ?: fail()
        if (!text.substring(at, at + 4).all { it.isLetterOrDigit() }) fail()
        at += 4
        return code
    }

    fun string(): String {
        at++
        val out = StringBuilder()
        while (true) {
            if (at >= text.length) fail()
            val c = text[at]
            when {
                c == '"' -> { at++; return out.toString() }
                c < ' ' -> fail()
                c != '\\' -> {
                    if (c.isHighSurrogate() || c.isLowSurrogate()) {
                        // Decoded from UTF-8, so paired: copy as it is.
                    }
                    out.append(c)
                    at++
                }
                else -> {
                    at++
                    val escape = peek()
                    at++
                    when (escape) {
                        '"', '\\', '/' -> out.append(escape)
                        'b' -> out.append('\b')
                        'f' -> out.append('\u000C')
                        'n' -> out.append('\n')
                        'r' -> out.append('\r')
                        't' -> out.append('\t')
                        'u' -> {
                            val code = hex4()
                            if (code in 0xDC00..0xDFFF) fail()
                            if (code in 0xD800..0xDBFF) {
                                if (!text.startsWith("\\u", at)) fail()
                                at += 2
                                val low = hex4()
                                if (low !in 0xDC00..0xDFFF) fail()
                                out.append(code.toChar()).append(low.toChar())
                            } else {
                                out.append(code.toChar())
                            }
                        }
                        else -> fail()
                    }
                }
            }
        }
    }

    fun digits(): Int {
        val start = at
        while (at < text.length && text[at] in '0'..'9') at++
        return at - start
    }

    fun number(): Any {
        val start = at
        if (peek() == '-') at++
        when {
            peek() == '0' -> at++
            peek() in '1'..'9' -> digits()
            else -> fail()
        }
        var integer = true
        if (peek() == '.') {
            at++
            integer = false
            if (digits() == 0) fail()
        }
        if (peek() == 'e' || peek() == 'E') {
            at++
            integer = false
            if (peek() == '+' || peek() == '-') at++
            if (digits() == 0) fail()
        }
        val literal = text.substring(start, at)
        if (integer) {
            literal.toLongOrNull()?.let { return it }
            val big = BigInteger(literal)
            if (big.signum() > 0 && big <= V_MAX_UINT) return big
            if (overflow == null) overflow = pointer()
        }
        val value = literal.toDouble()
        if (value.isInfinite()) fail()
        return value
    }
}

private fun vEscape(key: String): String =
    if ('~' !in key && '/' !in key) key else key.replace("~", "~0").replace("/", "~1")

private fun vUnescape(token: String): String = token.replace("~1", "/").replace("~0", "~")

// ---- the structure ----------------------------------------------------------------------

private typealias VChecker = (value: Any?, pointer: String, aside: String, walk: VWalk) -> Unit

private class VInstance(val kind: String, val pointer: String, val value: Any?)

/**
 * What a walk of a document beside the schema gathers: structural errors (one per place), the
 * values that do not read and are set aside as the typed SDK models would drop them, unknown
 * keys, and the objects and enumeration values the rules apply to.
 */
private class VWalk {
    val structural = ArrayList<Finding>()
    val places = HashSet<String>()
    val aside = ArrayList<String>()
    val unknown = ArrayList<String>()
    val instances = ArrayList<VInstance>()

    fun error(rule: String, pointer: String, aside: String, message: String) {
        if (places.add(pointer)) structural.add(vFinding(rule, pointer, message))
        if (aside !in this.aside) this.aside.add(aside)
    }

    /**
     * The findings merged as `timschema check` merges its layers. A rule runs on the values
     * that read (those set aside removed) unless a field it reads was set aside; a rule the
     * schema's keywords enforce is also judged where the typed models could not run it (on a
     * field rule's value that did not read, inside a value set aside, or everywhere when the
     * document itself does not read), on the values of the right JSON kind, as the schema
     * judges them.
     */
    fun findings(document: Any?): List<Finding> {
        val readable = "" !in aside && aside.size <= V_MAX_REPAIRS
        var typed = document
        if (aside.isNotEmpty() && readable) {
            typed = vCopy(document)
            for (pointer in aside) vRemove(typed, pointer)
        }
        val found = ArrayList<Finding>()
        for (instance in instances) {
            val rules = vRules[instance.kind] ?: continue
            if (!readable || aside.any { vContains(it, instance.pointer) }) {
                val raw = vRawView(instance.kind, instance.value)
                for (rule in rules) if (rule.schema) found.addAll(rule.judge(raw, instance.pointer))
                continue
            }
            val view = if (aside.isNotEmpty()) vResolve(typed, instance.pointer) else instance.value
            for (rule in rules) {
                val unread = aside.any { a -> rule.reads.any { vContains(a, instance.pointer + "/" + it) } }
                if (unread) {
                    if (rule.field) found.addAll(rule.judge(vRawView(instance.kind, instance.value), instance.pointer))
                    continue
                }
                found.addAll(rule.judge(view, instance.pointer))
            }
        }
        val placed = found.map { it.pointer }.toSet()
        found.addAll(structural.filter { it.pointer !in placed })
        for (pointer in unknown) {
            val key = vUnescape(pointer.substring(pointer.lastIndexOf('/') + 1))
            found.add(Finding("schema/unknown-field", "warning", pointer, "\"$key\" is not a field of the contract"))
        }
        return found.distinctBy { it.rule to it.pointer }.sortedWith(compareBy({ it.pointer }, { it.rule }))
    }
}

private const val V_MAX_REPAIRS = 256

private fun vContains(outer: String, inner: String): Boolean =
    outer == "" || inner == outer || inner.startsWith("$outer/")

@Suppress("UNCHECKED_CAST")
private fun vCopy(value: Any?): Any? = when (value) {
    is List<*> -> value.mapTo(ArrayList()) { vCopy(it) }
    is Map<*, *> -> LinkedHashMap<String, Any?>().also { out -> for ((k, v) in value) out[k as String] = vCopy(v) }
    else -> value
}

/** The value at [pointer], or null when nothing is there (a value around it was removed). */
private fun vResolve(document: Any?, pointer: String): Any? {
    var here = document
    if (pointer == "") return here
    for (token in pointer.split("/").drop(1)) {
        val key = vUnescape(token)
        here = when (here) {
            is List<*> -> key.toIntOrNull()?.let { here.getOrNull(it) } ?: return null
            is Map<*, *> -> if (here.containsKey(key)) here[key] else return null
            else -> return null
        }
    }
    return here
}

@Suppress("UNCHECKED_CAST")
private fun vRemove(document: Any?, pointer: String) {
    val at = pointer.lastIndexOf('/')
    (vResolve(document, pointer.substring(0, at)) as? MutableMap<String, Any?>)?.remove(vUnescape(pointer.substring(at + 1)))
}

/**
 * An instance as the schema's rule keywords see it: only the fields of the JSON kind their
 * type asks for (a rule's keywords leave a value of another kind to the structural check).
 */
private fun vRawView(kind: String, value: Any?): Any? {
    val fields = vKinds[kind] ?: return value
    val map = value as? Map<*, *> ?: return value
    val out = LinkedHashMap<String, Any?>()
    for ((key, entry) in map) {
        val isKind = fields[key as String]
        if (entry != null && isKind != null && isKind(entry)) out[key] = entry
    }
    return out
}

private fun vKindOf(value: Any?): String = when (value) {
    null -> "null"
    is Boolean -> "a boolean"
    is Long, is BigInteger -> "the integer $value"
    is Double -> "the number $value"
    is String -> "the string \"$value\""
    is List<*> -> "an array"
    else -> "an object"
}

private val checkString: VChecker = { value, pointer, aside, walk ->
    if (value !is String) walk.error("schema/type", pointer, aside, "expected a string, found ${vKindOf(value)}")
}

private val checkBoolean: VChecker = { value, pointer, aside, walk ->
    if (value !is Boolean) walk.error("schema/type", pointer, aside, "expected a boolean, found ${vKindOf(value)}")
}

private val checkNumber: VChecker = { value, pointer, aside, walk ->
    if (value !is Long && value !is BigInteger && value !is Double) {
        walk.error("schema/type", pointer, aside, "expected a number, found ${vKindOf(value)}")
    }
}

private fun vIntegral(d: Double) = !d.isInfinite() && d == Math.floor(d)

private fun integerChecker(unsigned: Boolean): VChecker {
    val low = if (unsigned) BigDecimal.ZERO else BigDecimal.valueOf(Long.MIN_VALUE)
    val high = if (unsigned) BigDecimal(V_MAX_UINT) else BigDecimal.valueOf(Long.MAX_VALUE)
    return { value, pointer, aside, walk ->
        val exact = vBig(value)
        when {
            value is Double && !vIntegral(value) ->
                walk.error("schema/type", pointer, aside, "expected an integer, found ${vKindOf(value)}")
            exact == null ->
                walk.error("schema/type", pointer, aside, "expected an integer, found ${vKindOf(value)}")
            exact < low || exact > high ->
                walk.error("schema/other", pointer, aside, "${vKindOf(value)} is outside the integer's range")
            value is Double ->
                walk.error("schema/serde", pointer, aside, "expected an integer, found ${vKindOf(value)}")
        }
    }
}

private fun intEnumChecker(name: String, values: Set<Long>): VChecker = { value, pointer, aside, walk ->
    var instance = true
    when {
        value is Long && value in values -> {}
        value is Long || value is BigInteger ->
            walk.error("schema/oneOf", pointer, aside, "${vKindOf(value)} is not one of $name's values")
        value is Double && vIntegral(value) && value.toLong().toDouble() == value && value.toLong() in values ->
            walk.error("schema/serde", pointer, aside, "expected an integer, found ${vKindOf(value)}")
        value is Double && vIntegral(value) ->
            walk.error("schema/oneOf", pointer, aside, "${vKindOf(value)} is not one of $name's values")
        else -> {
            walk.error("schema/type", pointer, aside, "expected an integer, found ${vKindOf(value)}")
            instance = value is Double
        }
    }
    if (instance) walk.instances.add(VInstance(name, pointer, value))
}

private fun strEnumChecker(name: String, values: Set<String>): VChecker = { value, pointer, aside, walk ->
    if (value !is String || value !in values) {
        walk.error("schema/oneOf", pointer, aside, "${vKindOf(value)} is not one of $name's values")
    }
    if (value is String) walk.instances.add(VInstance(name, pointer, value))
}

private fun listChecker(item: VChecker, nullable: Boolean): VChecker = { value, pointer, aside, walk ->
    if (value !is List<*>) {
        walk.error("schema/type", pointer, aside, "expected an array, found ${vKindOf(value)}")
    } else {
        value.forEachIndexed { index, entry ->
            val at = "$pointer/$index"
            if (entry == null) {
                if (!nullable) walk.error("schema/type", at, aside, "expected a value, found null")
            } else {
                item(entry, at, aside, walk)
            }
        }
    }
}

private fun mapChecker(item: VChecker?): VChecker = { value, pointer, aside, walk ->
    if (value !is Map<*, *>) {
        walk.error("schema/type", pointer, aside, "expected an object, found ${vKindOf(value)}")
    } else if (item != null) {
        for ((key, entry) in value) {
            val member = pointer + "/" + vEscape(key as String)
            if (entry == null) walk.error("schema/type", member, member, "expected a value, found null")
            else item(entry, member, member, walk)
        }
    }
}

private val anything: VChecker = { _, _, _, _ -> }

private class VField(val check: VChecker, val nullable: Boolean, val required: Boolean)

private fun classChecker(name: String, fields: () -> Map<String, VField>): VChecker {
    val table by lazy { fields() }
    val required by lazy { table.filterValues { it.required }.keys.sorted() }
    return { value, pointer, aside, walk ->
        if (value !is Map<*, *>) {
            walk.error("schema/type", pointer, aside, "expected an object, found ${vKindOf(value)}")
        } else {
            for (key in required) {
                if (!value.containsKey(key)) {
                    walk.error("schema/required", pointer, aside, "the required field \"$key\" is missing")
                }
            }
            for ((k, entry) in value) {
                val key = k as String
                val known = table[key]
                val member = pointer + "/" + vEscape(key)
                val place = if (known != null && known.required) aside else member
                when {
                    known == null -> walk.unknown.add(member)
                    entry == null -> if (!known.nullable) walk.error("schema/type", member, place, "expected a value, found null")
                    else -> known.check(entry, member, place, walk)
                }
            }
            walk.instances.add(VInstance(name, pointer, value))
        }
    }
}

private fun isString(value: Any?) = value is String
private fun isInteger(value: Any?) = value is Long || value is BigInteger || (value is Double && vIntegral(value))
private fun isNumber(value: Any?) = value is Long || value is BigInteger || value is Double
private fun isBoolean(value: Any?) = value is Boolean
private fun isObject(value: Any?) = value is Map<*, *>
private fun isArray(value: Any?) = value is List<*>
private fun isAnything(value: Any?) = true

// ---- the rules, in CEL's semantics ------------------------------------------------------

/** CEL's error value: reading an absent field, or an operator given the wrong types. */
private object VErr

private class VRule(
    val id: String,
    val severity: String,
    val message: String,
    val reads: List<String>,
    val holds: (Any?) -> Any?,
    val places: (Any?, String) -> List<String>,
    /** The schema's keywords enforce it too. */
    val schema: Boolean,
    /** Its keywords are on the field it reads (a field rule). */
    val field: Boolean,
) {
    fun judge(value: Any?, pointer: String): List<Finding> {
        if (holds(value) != false) return emptyList()
        return places(value, pointer).map { Finding(id, severity, it, message) }
    }
}

private fun _get(value: Any?, field: String): Any? {
    val map = value as? Map<*, *> ?: return VErr
    return map[field] ?: VErr
}

private fun _has(value: Any?, field: String): Any? {
    val map = value as? Map<*, *> ?: return VErr
    return map[field] != null
}

private fun _or(left: Any?, right: () -> Any?): Any? {
    if (left == true) return true
    val other = right()
    if (other == true) return true
    return if (left == false && other == false) false else VErr
}

private fun _and(left: Any?, right: () -> Any?): Any? {
    if (left == false) return false
    val other = right()
    if (other == false) return false
    return if (left == true && other == true) true else VErr
}

private fun _not(value: Any?): Any? = if (value is Boolean) !value else VErr

private fun _cond(test: Any?, then: () -> Any?, otherwise: () -> Any?): Any? =
    if (test !is Boolean) VErr else if (test) then() else otherwise()

/** A number exactly, for comparing numbers of different kinds. */
private fun vBig(value: Any?): BigDecimal? = when (value) {
    is Long -> BigDecimal.valueOf(value)
    is BigInteger -> BigDecimal(value)
    is Double -> if (value.isInfinite() || value.isNaN()) null else BigDecimal(value)
    else -> null
}

/** Orders two numbers, two strings or two booleans; null for anything else. */
private fun vCompare(left: Any?, right: Any?): Int? {
    if (left is Long && right is Long) return left.compareTo(right)
    val a = vBig(left)
    val b = vBig(right)
    if (a != null || b != null) return if (a != null && b != null) a.compareTo(b) else null
    if (left is String && right is String) return left.compareTo(right)
    if (left is Boolean && right is Boolean) return left.compareTo(right)
    return null
}

private fun _eq(left: Any?, right: Any?): Any? {
    if (left === VErr || right === VErr) return VErr
    vCompare(left, right)?.let { return it == 0 }
    return when (left) {
        null -> right == null
        is List<*> -> {
            if (right !is List<*> || left.size != right.size) return false
            for (i in left.indices) {
                val same = _eq(left[i], right[i])
                if (same != true) return same
            }
            true
        }
        is Map<*, *> -> {
            if (right !is Map<*, *> || left.size != right.size) return false
            for ((key, item) in left) {
                if (!right.containsKey(key)) return false
                val same = _eq(item, right[key])
                if (same != true) return same
            }
            true
        }
        else -> false
    }
}

private fun _ne(left: Any?, right: Any?): Any? = _not(_eq(left, right))

private fun vOrdered(left: Any?, right: Any?, test: (Int) -> Boolean): Any? {
    if (left === VErr || right === VErr) return VErr
    val order = vCompare(left, right) ?: return VErr
    return test(order)
}

private fun _lt(left: Any?, right: Any?) = vOrdered(left, right) { it < 0 }
private fun _le(left: Any?, right: Any?) = vOrdered(left, right) { it <= 0 }
private fun _gt(left: Any?, right: Any?) = vOrdered(left, right) { it > 0 }
private fun _ge(left: Any?, right: Any?) = vOrdered(left, right) { it >= 0 }

private fun _in(item: Any?, collection: Any?): Any? {
    if (item === VErr || collection === VErr) return VErr
    return when (collection) {
        is Map<*, *> -> item is String && collection.containsKey(item)
        is List<*> -> collection.any { _eq(item, it) == true }
        else -> VErr
    }
}

private fun vInt64(value: BigInteger): Any? =
    if (value.bitLength() < 64) value.toLong() else VErr

private fun _add(left: Any?, right: Any?): Any? = when {
    left is String && right is String -> left + right
    left is Long && right is Long -> vInt64(BigInteger.valueOf(left).add(BigInteger.valueOf(right)))
    left is Double && right is Double -> left + right
    left is List<*> && right is List<*> -> left + right
    else -> VErr
}

private fun _sub(left: Any?, right: Any?): Any? = when {
    left is Long && right is Long -> vInt64(BigInteger.valueOf(left).subtract(BigInteger.valueOf(right)))
    left is Double && right is Double -> left - right
    else -> VErr
}

private fun _mul(left: Any?, right: Any?): Any? = when {
    left is Long && right is Long -> vInt64(BigInteger.valueOf(left).multiply(BigInteger.valueOf(right)))
    left is Double && right is Double -> left * right
    else -> VErr
}

private fun _div(left: Any?, right: Any?): Any? = when {
    left is Long && right is Long && right != 0L -> vInt64(BigInteger.valueOf(left).divide(BigInteger.valueOf(right)))
    left is Double && right is Double && right != 0.0 -> left / right
    else -> VErr
}

private fun _rem(left: Any?, right: Any?): Any? =
    if (left is Long && right is Long && right != 0L) left % right else VErr

private fun _neg(value: Any?): Any? = when (value) {
    is Long -> if (value == Long.MIN_VALUE) VErr else -value
    is Double -> -value
    else -> VErr
}

private fun _size(value: Any?): Any? = when (value) {
    is String -> value.codePointCount(0, value.length).toLong()
    is List<*> -> value.size.toLong()
    is Map<*, *> -> value.size.toLong()
    else -> VErr
}

private fun _byte_size(value: Any?): Any? =
    if (value is String) value.toByteArray(Charsets.UTF_8).size.toLong() else VErr

private fun _starts_with(value: Any?, prefix: Any?): Any? =
    if (value is String && prefix is String) value.startsWith(prefix) else VErr

private fun _ends_with(value: Any?, suffix: Any?): Any? =
    if (value is String && suffix is String) value.endsWith(suffix) else VErr

private fun _contains_text(value: Any?, part: Any?): Any? =
    if (value is String && part is String) value.contains(part) else VErr

private fun _matches(value: Any?, pattern: Regex): Any? =
    if (value is String) pattern.containsMatchIn(value) else VErr

private fun vItems(value: Any?): List<Any?>? = when (value) {
    is List<*> -> value
    is Map<*, *> -> value.keys.toList()
    else -> null
}

private fun _all(collection: Any?, predicate: (Any?) -> Any?): Any? {
    val items = vItems(collection) ?: return VErr
    var failed = false
    for (item in items) {
        when (predicate(item)) {
            false -> return false
            true -> {}
            else -> failed = true
        }
    }
    return if (failed) VErr else true
}

private fun _exists(collection: Any?, predicate: (Any?) -> Any?): Any? {
    val items = vItems(collection) ?: return VErr
    var failed = false
    for (item in items) {
        when (predicate(item)) {
            true -> return true
            false -> {}
            else -> failed = true
        }
    }
    return if (failed) VErr else false
}

private fun _exists_one(collection: Any?, predicate: (Any?) -> Any?): Any? {
    val items = vItems(collection) ?: return VErr
    var count = 0
    for (item in items) {
        when (predicate(item)) {
            true -> count++
            false -> {}
            else -> return VErr
        }
    }
    return count == 1
}

private fun _filter(collection: Any?, predicate: (Any?) -> Any?): Any? {
    val items = vItems(collection) ?: return VErr
    val kept = ArrayList<Any?>()
    for (item in items) {
        when (predicate(item)) {
            true -> kept.add(item)
            false -> {}
            else -> return VErr
        }
    }
    return kept
}

private fun _map(collection: Any?, transform: (Any?) -> Any?, keep: ((Any?) -> Any?)? = null): Any? {
    val items = vItems(collection) ?: return VErr
    val out = ArrayList<Any?>()
    for (item in items) {
        if (keep != null) {
            when (keep(item)) {
                true -> {}
                false -> continue
                else -> return VErr
            }
        }
        val value = transform(item)
        if (value === VErr) return VErr
        out.add(value)
    }
    return out
}

private fun _index(collection: Any?, key: Any?): Any? = when {
    collection is List<*> && key is Long && key >= 0 && key < collection.size -> collection[key.toInt()]
    collection is Map<*, *> && key is String && collection.containsKey(key) -> collection[key]
    else -> VErr
}

/** The places of the items of a list a rule's `all` finds false. */
private fun _each(pointer: String, collection: Any?, predicate: (Any?) -> Any?): List<String> {
    val items = vItems(collection) ?: return emptyList()
    return items.withIndex().filter { predicate(it.value) == false }.map { "$pointer/${it.index}" }
}

/** The place of a field whose name a rule computes. */
private fun _named(pointer: String, name: Any?): List<String> =
    listOf(if (name is String) pointer + "/" + vEscape(name) else pointer)
