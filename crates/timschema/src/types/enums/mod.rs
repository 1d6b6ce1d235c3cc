//! The SDK's enumerations (docs/wire-format.md, enumerations), with their wire values.
//!
//! Integer enumerations are declared with [`int_enum!`](crate::int_enum); the group type is a
//! string enumeration and uses serde's own derive.

mod conversation;
mod message;

pub use conversation::{
    ConversationMark, ConversationType, GroupAtType, GroupType, ReceiveMessageOpt,
};
pub use message::{ElemType, GroupTipsType, ImageType, MessagePriority, MessageStatus};
