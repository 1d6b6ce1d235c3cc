//! Messages about channel fields, reworded with the native keys those fields came from.

/// `text` with each whole-word `word` replaced by `with`. A word of lower-case letters only
/// (`type`, `seq`) is an ordinary word in prose too, so it is replaced only where it names the
/// field: at the start, quoted, or before " is".
pub(super) fn replace_word(text: &str, word: &str, with: &str) -> String {
    let plain = word.chars().all(|c| c.is_ascii_lowercase());
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut at = 0;
    while let Some(found) = rest.find(word) {
        let before = text[..at + found].chars().next_back();
        let after = rest[found + word.len()..].chars().next();
        let whole = !before.is_some_and(is_ident) && !after.is_some_and(is_ident);
        let names_field = !plain
            || at + found == 0
            || before == Some('"')
            || rest[found + word.len()..].starts_with(" is");
        out.push_str(&rest[..found]);
        out.push_str(if whole && names_field { with } else { word });
        at += found + word.len();
        rest = &rest[found + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::replace_word;

    #[test]
    fn replaces_whole_words_that_name_the_field() {
        assert_eq!(
            replace_word(
                "recvOpt is not a receive option",
                "recvOpt",
                "conv_recv_opt"
            ),
            "conv_recv_opt is not a receive option"
        );
        assert_eq!(
            replace_word(
                "the required field \"conversationID\" is missing",
                "conversationID",
                "conv_id"
            ),
            "the required field \"conv_id\" is missing"
        );
        assert_eq!(
            replace_word("the conversation type of type is 2", "type", "conv_type"),
            "the conversation type of conv_type is 2"
        );
        assert_eq!(replace_word("recvOptX", "recvOpt", "x"), "recvOptX");
    }
}
