//! Elements whose content travels inside the message: text, custom data, location, face, merger.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;

use super::NextElem;

/// A text element.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("elem_type"))]
pub struct V2TimTextElem {
    /// The text of the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("text_elem_content")]
    pub text: Option<String>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}

/// A custom element: data the application defines and interprets.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("elem_type", "custom_elem_sound"))]
pub struct V2TimCustomElem {
    /// The application's payload, often a JSON document in a string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("custom_elem_data")]
    pub data: Option<String>,
    /// A description, also used as the offline push text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("custom_elem_desc")]
    pub desc: Option<String>,
    /// An extension string, carried with the push notification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("custom_elem_ext")]
    pub extension: Option<String>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}

/// A location element: a described point on the map.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("elem_type"))]
pub struct V2TimLocationElem {
    /// A description of the place, such as an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("location_elem_desc")]
    pub desc: Option<String>,
    /// The longitude in degrees, from -180 to 180.
    #[contract(range(min = -180, max = 180), id = "location-longitude-range", message = "longitude is outside -180 to 180", doc = "A longitude is in degrees, from -180 to 180.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("location_elem_longitude")]
    pub longitude: Option<f64>,
    /// The latitude in degrees, from -90 to 90.
    #[contract(range(min = -90, max = 90), id = "location-latitude-range", message = "latitude is outside -90 to 90", doc = "A latitude is in degrees, from -90 to 90.")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("location_elem_latitude")]
    pub latitude: Option<f64>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}

/// A face element: a sticker or emoji chosen from an application-defined set.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("elem_type"))]
pub struct V2TimFaceElem {
    /// The sticker's index in the application's set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("face_elem_index")]
    pub index: Option<i64>,
    /// Application data naming the sticker, such as its pack and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("face_elem_buf")]
    pub data: Option<String>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}

/// A merger element: several messages forwarded together as one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known(
    "elem_type",
    "merge_elem_compatible_text",
    "merge_elem_message_array",
    "merge_elem_relay_pb_key",
    "merge_elem_relay_json_key",
    "merge_elem_relay_buffer"
))]
pub struct V2TimMergerElem {
    /// Whether the bundle nests more than 100 levels, in which case it cannot be opened.
    #[serde(
        rename = "isLayersOverLimit",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("merge_elem_layer_over_limit")]
    pub is_layers_over_limit: Option<bool>,
    /// The bundle's title, such as "Chat history of Alice and Bob".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("merge_elem_title")]
    pub title: Option<String>,
    /// Summary lines shown in the bundle's preview.
    #[serde(
        rename = "abstractList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("merge_elem_abstract_array")]
    pub abstract_list: Option<Vec<String>>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}
