//! Rules of an element that read more than one field.

use serde_json::{Value, json};

use crate::V2TimImageElem;
use crate::contract::RuleCtx;

/// An image list holds at most one image of each type: SDK 8.9 builds exactly one original,
/// one thumbnail and one large image (docs/wire-format.md, unsigned values and the image
/// triple).
pub fn image_type_unique(image: &V2TimImageElem, ctx: &mut RuleCtx<'_, '_>) {
    let Some(list) = &image.image_list else {
        return;
    };
    let mut seen = [false; 3];
    for (index, item) in list.iter().enumerate() {
        let Some(kind) = item.as_ref().and_then(|i| i.image_type) else {
            continue;
        };
        let Some(slot) = usize::try_from(kind.value())
            .ok()
            .and_then(|k| seen.get_mut(k))
        else {
            continue;
        };
        if *slot {
            ctx.report(
                &format!("imageList/{index}/type"),
                format!("a second image of type {}", kind.value()),
            );
        }
        *slot = true;
    }
}

/// The schema of [`image_type_unique`]: the list contains at most one image of each type.
pub fn image_type_unique_schema() -> Value {
    let at_most_one: Vec<Value> = (0..3)
        .map(|kind| {
            json!({
                "contains": {
                    "type": "object",
                    "properties": { "type": { "const": kind } },
                    "required": ["type"]
                },
                "minContains": 0,
                "maxContains": 1
            })
        })
        .collect();
    json!({
        "properties": {
            "imageList": { "type": ["array", "null"], "allOf": at_most_one }
        }
    })
}

/// Breaks [`image_type_unique`]: the second image takes the type of the first.
pub fn image_type_unique_mutant(image: &mut Value) {
    let first = image["imageList"][0]["type"].clone();
    if let Some(second) = image["imageList"].get_mut(1) {
        second["type"] = first;
    }
}
