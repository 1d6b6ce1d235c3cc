//! What the CEL tests share: a JSON response as CEL values, and where the objects a rule
//! applies to sit in it.

use serde_json::Value as Json;
use timschema_cel::Value;

/// A JSON value as a CEL value, `null` members of objects dropped (absent and `null` are one,
/// as docs/rules.md decides).
pub fn cel(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Int)
            .or_else(|| n.as_u64().map(Value::Uint))
            .unwrap_or_else(|| Value::Double(n.as_f64().unwrap())),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::List(items.iter().map(cel).collect()),
        Json::Object(map) => Value::Map(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (Value::String(k.clone()), cel(v)))
                .collect(),
        ),
    }
}

/// Where the objects of a type sit in a getConversation response: (JSON pointer, object).
pub fn objects<'a>(type_name: &str, document: &'a Json) -> Vec<(String, &'a Json)> {
    // The envelope is the response itself.
    if type_name.starts_with("V2TimValueCallback") {
        return vec![(String::new(), document)];
    }
    let pointer = match type_name {
        "V2TimConversation" => "/data",
        "V2TimMessage" => "/data/lastMessage",
        "V2TimImageElem" => "/data/lastMessage/imageElem",
        other => panic!("no known place for {other} objects: extend `objects`"),
    };
    document
        .pointer(pointer)
        .filter(|object| object.is_object())
        .map(|object| (pointer.to_owned(), object))
        .into_iter()
        .collect()
}

/// Whether `timschema` judges the rule `id`, reading `fields`, on the object at `pointer`: not
/// when the rule was set aside there (a skipped entry: rule id or `*`, and pointer), nor when a field
/// it reads has the wrong type (a `schema/*` finding at the field or above it),
/// where CEL would compare a string with an int.
pub fn judged(id: &str, fields: &[&str], pointer: &str, report: &timschema::Report) -> bool {
    let set_aside = report
        .skipped
        .iter()
        .any(|s| (s.rule == id || s.rule == "*") && pointer.starts_with(s.pointer.as_str()));
    let wrong_type = fields.iter().any(|field| {
        let read = format!("{pointer}/{field}");
        report.findings.iter().any(|f| {
            f.rule.starts_with("schema/")
                && (f.pointer == read || read.starts_with(&format!("{}/", f.pointer)))
        })
    });
    !set_aside && !wrong_type
}
