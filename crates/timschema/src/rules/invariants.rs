//! Reference §6, invariant by invariant: the rules that enforce each, or why no single
//! response can break it. `docs/rules.md` shows it as a table; a test holds every rule id
//! here to the catalogue.

/// One invariant of reference §6.
pub struct Invariant {
    /// Its number in §6.
    pub number: u8,
    /// What it says, briefly.
    pub title: &'static str,
    /// The rules that enforce it.
    pub rules: &'static [&'static str],
    /// What of it no single response can break, and why.
    pub beyond: &'static str,
}

/// Every invariant of reference §6, in order.
pub const INVARIANTS: &[Invariant] = &[
    Invariant {
        number: 1,
        title: "conversationID is `c2c_` + userID or `group_` + groupID",
        rules: &[
            "conversation-id-prefix",
            "conversation-id-suffix",
            "conversation-id-non-empty",
        ],
        beyond: "The web JS SDK's own `C2C`/`GROUP` ids are converted by the Flutter plugin before a response is built.",
    },
    Invariant {
        number: 2,
        title: "userID only for one-to-one chats, groupID and groupType only for groups",
        rules: &[
            "user-id-only-c2c",
            "group-id-only-group",
            "group-type-only-group",
            "group-type-known",
        ],
        beyond: "",
    },
    Invariant {
        number: 3,
        title: "`type` matches the id's prefix",
        rules: &["conversation-id-prefix"],
        beyond: "",
    },
    Invariant {
        number: 4,
        title: "showName is the remark, nickname or id, in that order (the group name for groups)",
        rules: &[],
        beyond: "The remark, the nickname and the group name live in the friend and group profiles, which a getConversation response does not carry.",
    },
    Invariant {
        number: 5,
        title: "faceUrl is the peer's or the group's avatar",
        rules: &[],
        beyond: "The avatars live in the profiles, not in the response.",
    },
    Invariant {
        number: 6,
        title: "unreadCount: 0 in AVChatRoom; what the totals count",
        rules: &["avchatroom-unread-zero", "unread-count-non-negative"],
        beyond: "The total unread count, messages excluded from it, and marking a conversation unread are about other conversations and the message history.",
    },
    Invariant {
        number: 7,
        title: "lastMessage is null without messages, and never an excluded message",
        rules: &["last-message-not-excluded"],
        beyond: "Whether the conversation has messages at all is not in the response.",
    },
    Invariant {
        number: 8,
        title: "a draft is stamped when set; it is local and absent on the web",
        rules: &["draft-has-timestamp", "draft-timestamp-non-negative"],
        beyond: "That a draft stays on one device, and that the web never has one, need the platform, which a response does not name.",
    },
    Invariant {
        number: 9,
        title: "orderKey grows with activation and sorts the list",
        rules: &["orderkey-non-negative"],
        beyond: "Growth and order compare conversations and moments; one response has one conversation at one moment.",
    },
    Invariant {
        number: 10,
        title: "each mark is one mark value; limits per call and in total",
        rules: &["mark-known"],
        beyond: "The 100-per-call and 1000-in-total limits count calls and conversations.",
    },
    Invariant {
        number: 11,
        title: "customData at most 256 bytes; at most 20 groups, names at most 32 bytes",
        rules: &[
            "custom-data-max-bytes",
            "conversation-groups-max-items",
            "conversation-group-name-max-bytes",
        ],
        beyond: "A group that does not exist (error 51009) fails the call rather than appearing in a response.",
    },
    Invariant {
        number: 12,
        title: "c2cReadTimestamp only for one-to-one chats, groupReadSequence only for groups",
        rules: &[
            "c2c-read-timestamp-only-c2c",
            "group-read-sequence-only-group",
            "c2c-read-timestamp-non-negative",
            "group-read-sequence-non-negative",
        ],
        beyond: "",
    },
    Invariant {
        number: 13,
        title: "groupAtInfoList only in groups; atType is 1, 2 or 3",
        rules: &["at-info-only-group", "at-type-known", "at-info-seq-decimal"],
        beyond: "",
    },
    Invariant {
        number: 14,
        title: "recvOpt is 0 to 4",
        rules: &["recv-opt-range"],
        beyond: "",
    },
    Invariant {
        number: 15,
        title: "a group message has groupID and no userID; a one-to-one message names the peer; isPeerRead only one-to-one",
        rules: &[
            "message-user-or-group",
            "last-message-in-conversation",
            "peer-read-only-c2c",
        ],
        beyond: "That priority is valid only on received messages, and that group seq strictly increases, need the message's history.",
    },
    Invariant {
        number: 16,
        title: "what each group type allows; Community ids start with `@TGS#_`",
        rules: &["community-group-id-prefix", "group-type-known"],
        beyond: "Joining, quitting and dismissing are operations, not response content; a custom id's ban on `@TGS#` cannot be told from a generated id.",
    },
    Invariant {
        number: 17,
        title: "round-trip hazards of SDK 8.9's translation",
        rules: &[],
        beyond: "These are defects of the SDK's Dart code when it converts between dialects, not properties of a response.",
    },
];

/// The table of `docs/rules.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "\n## Reference §6, invariant by invariant\n\n\
         Each documented invariant of the reference (`tencent-model.md` §6), the rules that \
         enforce it, and what of it no single response can break.\n\n\
         | § | invariant | rules | not checkable in one response |\n|---|---|---|---|\n",
    );
    for invariant in INVARIANTS {
        let rules: Vec<String> = invariant
            .rules
            .iter()
            .map(|id| format!("[`{id}`](#{id})"))
            .collect();
        let rules = if rules.is_empty() {
            "none".to_owned()
        } else {
            rules.join(", ")
        };
        let beyond = if invariant.beyond.is_empty() {
            "nothing"
        } else {
            invariant.beyond
        };
        out.push_str(&format!(
            "| 6.{} | {} | {rules} | {beyond} |\n",
            invariant.number, invariant.title
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::INVARIANTS;

    #[test]
    fn every_rule_named_exists_and_every_invariant_is_there() {
        let catalogue = crate::rules::catalogue();
        for invariant in INVARIANTS {
            for id in invariant.rules {
                assert!(
                    catalogue.iter().any(|r| r.id == *id),
                    "§6.{} names {id}, which is not a rule",
                    invariant.number
                );
            }
            assert!(
                !invariant.rules.is_empty() || !invariant.beyond.is_empty(),
                "§6.{} says neither a rule nor why none",
                invariant.number
            );
        }
        let numbers: Vec<u8> = INVARIANTS.iter().map(|i| i.number).collect();
        assert_eq!(numbers, (1..=17).collect::<Vec<u8>>());
    }
}
