//! timschema's CEL subset behaves as the CEL specification says: the official conformance
//! cases (cel-spec's `simple` tests, from the `@bufbuild/cel-spec` npm package that
//! `cargo xtask tools` installs) of the sections covering the subset's operators, run against
//! the reference evaluator of `timschema-cel`.
//!
//! A case is skipped only when it uses a feature outside the subset, which the parser or the
//! evaluator says (bytes, type conversions, timestamps, messages, …); each skip is counted by
//! reason and printed. Every other case must give the value, or the error, the specification
//! gives: a wrong value or a missing error fails, and so does an error where a value is due.

use std::collections::BTreeMap;

use serde_json::Value as Json;
use timschema_cel::{Value, eval, parse};

/// The sections run: cel-spec's files, or `file/section` for part of one.
const SECTIONS: &[&str] = &[
    "basic",
    "comparisons/eq_literal",
    "comparisons/ne_literal",
    "comparisons/lt_literal",
    "comparisons/gt_literal",
    "comparisons/lte_literal",
    "comparisons/gte_literal",
    "comparisons/in_list_literal",
    "comparisons/in_map_literal",
    "comparisons/bound",
    "logic",
    "integer_math",
    "fp_math",
    "lists",
    "string/size",
    "string/starts_with",
    "string/ends_with",
    "string/matches",
    "string/concatenation",
    "string/contains",
    "macros",
    "fields/map_fields",
    "fields/map_has",
    "fields/in",
    "parse/nest",
    "parse/repeat",
    "parse/string_literals",
    "parse/whitespace",
    "parse/comments",
];

/// A tagged value of the case file as a CEL value; `None` for a type outside the subset.
fn value(json: &Json) -> Option<Value> {
    let (tag, inner) = json.as_object()?.iter().next()?;
    Some(match tag.as_str() {
        "int" => Value::Int(inner.as_str()?.parse().ok()?),
        "uint" => Value::Uint(inner.as_str()?.parse().ok()?),
        "double" => Value::Double(match inner {
            Json::String(s) => s.parse().ok()?,
            n => n.as_f64()?,
        }),
        "string" => Value::String(inner.as_str()?.to_owned()),
        "bool" => Value::Bool(inner.as_bool()?),
        "null" => Value::Null,
        "list" => Value::List(inner.as_array()?.iter().map(value).collect::<Option<_>>()?),
        "map" => Value::Map(
            inner
                .as_array()?
                .iter()
                .map(|pair| Some((value(&pair[0])?, value(&pair[1])?)))
                .collect::<Option<_>>()?,
        ),
        _ => return None,
    })
}

/// The same value, of the same type, member for member (a NaN is the same as a NaN).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Double(x), Value::Double(y)) => x == y || (x.is_nan() && y.is_nan()),
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.iter().any(|(k2, v2)| same(k, k2) && same(v, v2)))
        }
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Uint(x), Value::Uint(y)) => x == y,
        (Value::String(x), Value::String(y)) => x == y,
        _ => false,
    }
}

#[test]
fn the_subset_passes_the_official_conformance_cases() {
    let Some(mut node) = timschema_tests::node_judges() else {
        return;
    };
    let js = timschema_tests::workspace_root().join("tests/js");
    if !js
        .join("node_modules/@bufbuild/cel-spec/package.json")
        .is_file()
    {
        timschema_tests::missing_tool("@bufbuild/cel-spec (tests/js/node_modules)");
        return;
    }
    let out = timschema_tests::output(node.arg("cel-cases.cjs").args(SECTIONS));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut passed = 0;
    let mut skipped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut sections = BTreeMap::<String, usize>::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let case: Json = serde_json::from_str(line).unwrap();
        let name = format!(
            "{}/{}",
            case["section"].as_str().unwrap(),
            case["name"].as_str().unwrap()
        );
        let expr = case["expr"].as_str().unwrap();
        let mut skip = |why: String| skipped.entry(why).or_default().push(name.clone());
        if let Some(why) = case["skip"].as_str() {
            skip(why.to_owned());
            continue;
        }
        let Some(bindings) = case["bindings"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(n, v)| Some((n.as_str(), value(v)?)))
            .collect::<Option<Vec<_>>>()
        else {
            skip("a binding of a type outside the subset".into());
            continue;
        };
        let expected = &case["expect"];
        let expected_value = expected.get("value").map(value);
        if matches!(expected_value, Some(None)) {
            skip("a result of a type outside the subset".into());
            continue;
        }
        if expected.get("other").is_some() {
            skip(format!("expects {}", expected["other"]));
            continue;
        }
        let parsed = match parse(expr) {
            Ok(parsed) => parsed,
            Err(e) if e.unsupported => {
                skip(e.message);
                continue;
            }
            Err(e) => {
                failures.push(format!("{name}: `{expr}` does not parse: {e}"));
                continue;
            }
        };
        // The printer writes what the parser reads back the same.
        let printed = parsed.to_string();
        match parse(&printed) {
            Ok(again) if again.to_string() == printed => {}
            other => failures.push(format!(
                "{name}: `{expr}` printed as `{printed}`, read back as {other:?}"
            )),
        }
        let result = eval(&parsed, &bindings);
        match (&result, expected_value.flatten()) {
            (Err(e), _) if e.unsupported => {
                skip(e.message.clone());
                continue;
            }
            (Ok(got), Some(want)) if same(got, &want) => {}
            (Err(_), None) => {}
            _ => {
                failures.push(format!(
                    "{name}: `{expr}` gave {result:?}, expected {expected}"
                ));
                continue;
            }
        }
        passed += 1;
        *sections
            .entry(case["section"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    let skipped_count: usize = skipped.values().map(Vec::len).sum();
    eprintln!("{passed} conformance cases passed, {skipped_count} skipped as outside the subset:");
    for (why, cases) in &skipped {
        eprintln!(
            "  {why}: {} ({})",
            cases.len(),
            cases.iter().take(4).cloned().collect::<Vec<_>>().join(", ")
        );
    }
    for (section, count) in &sections {
        eprintln!("  passed in {section}: {count}");
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(passed >= 500, "only {passed} cases ran");
}
