//! Rules of a conversation that read more than one field.

use serde_json::{Value, json};

const C2C: &str = "c2c_";
const GROUP: &str = "group_";

/// Sets a field of a conversation's JSON.
fn set(conversation: &mut Value, field: &str, value: Value) {
    conversation[field] = value;
}

/// Breaks [`id_prefix`]: the other kind's prefix before the right id.
pub fn id_prefix_mutant(conversation: &mut Value) {
    let id = conversation["conversationID"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let swapped = match (id.strip_prefix(C2C), id.strip_prefix(GROUP)) {
        (Some(rest), _) => format!("{GROUP}{rest}"),
        (_, Some(rest)) => format!("{C2C}{rest}"),
        _ => format!("C2C{id}"),
    };
    set(conversation, "conversationID", json!(swapped));
}

/// Breaks [`id_suffix`]: the right prefix before someone else's id.
pub fn id_suffix_mutant(conversation: &mut Value) {
    let id = conversation["conversationID"].as_str().unwrap_or_default();
    let prefix = if id.starts_with(GROUP) { GROUP } else { C2C };
    set(
        conversation,
        "conversationID",
        json!(format!("{prefix}someone-else")),
    );
}

/// Breaks [`user_id_only_c2c`] on a group.
pub fn user_id_only_c2c_mutant(conversation: &mut Value) {
    set(conversation, "userID", json!("alice"));
}

/// Breaks [`group_id_only_group`] on a one-to-one chat.
pub fn group_id_only_group_mutant(conversation: &mut Value) {
    set(conversation, "groupID", json!("@TGS#team"));
}

/// Breaks [`group_type_only_group`] on a one-to-one chat.
pub fn group_type_only_group_mutant(conversation: &mut Value) {
    set(conversation, "groupType", json!("Public"));
}

/// Breaks [`at_info_only_group`] on a one-to-one chat.
pub fn at_info_only_group_mutant(conversation: &mut Value) {
    set(
        conversation,
        "groupAtInfoList",
        json!([{ "seq": "1", "atType": 1 }]),
    );
}

/// Breaks [`c2c_read_timestamp_only_c2c`] on a group.
pub fn c2c_read_timestamp_only_c2c_mutant(conversation: &mut Value) {
    set(conversation, "c2cReadTimestamp", json!(1_732_530_000));
}

/// Breaks [`group_read_sequence_only_group`] on a one-to-one chat.
pub fn group_read_sequence_only_group_mutant(conversation: &mut Value) {
    set(conversation, "groupReadSequence", json!(4120));
}

/// Breaks [`avchatroom_unread_zero`]: a live-streaming group with unread messages.
pub fn avchatroom_unread_zero_mutant(conversation: &mut Value) {
    set(conversation, "groupType", json!("AVChatRoom"));
    set(conversation, "unreadCount", json!(7));
}

/// Breaks [`draft_has_timestamp`]: a draft with no time.
pub fn draft_has_timestamp_mutant(conversation: &mut Value) {
    set(conversation, "draftText", json!("see you"));
    if let Some(object) = conversation.as_object_mut() {
        object.remove("draftTimestamp");
    }
}

/// Breaks [`mark_known`]: two bits in one mark.
pub fn mark_known_mutant(conversation: &mut Value) {
    set(conversation, "markList", json!([3]));
}

/// Breaks [`last_message_in_conversation`]: the last message names another group or peer.
pub fn last_message_in_conversation_mutant(conversation: &mut Value) {
    let message = &mut conversation["lastMessage"];
    if message
        .get("groupID")
        .is_some_and(|g| g.as_str().is_some_and(|g| !g.is_empty()))
    {
        message["groupID"] = json!("@TGS#another-group");
    } else {
        message["userID"] = json!("someone-else");
    }
}
