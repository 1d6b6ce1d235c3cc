//! The derived code names everything by absolute path: shadowing `Result`, `Ok`, `Option`,
//! `Some` or `None` where the derive is used changes nothing.

#![allow(dead_code, non_camel_case_types)]

mod shadowed {
    type Result = ();
    struct Ok;
    struct Err;
    struct Option;
    struct Some;
    struct None;
    struct String;
    struct Vec;
    struct Box;
    type walker = ();
    type rules = ();

    #[derive(timschema::Contract)]
    #[contract(rule(
        id = "a-below-b",
        cel = "!has(self.a) || self.a <= size(self.b)",
        detail = "a is {self.a}",
        at = "a",
        message = "a is above b",
        doc = "a is at most b."
    ))]
    pub struct Shadowed {
        #[contract(
            range(min = 0, max = 10),
            id = "a-range",
            message = "a is out of range",
            doc = "0 to 10."
        )]
        pub a: ::core::option::Option<i64>,
        #[contract(
            each,
            max_bytes = 4,
            id = "b-short",
            message = "b is too long",
            doc = "4 bytes."
        )]
        pub b: ::std::vec::Vec<::std::string::String>,
    }

    #[derive(timschema::Contract)]
    pub enum Level {
        #[contract(
            forbid,
            id = "level-zero",
            message = "level 0 is reserved",
            doc = "Reserved."
        )]
        Zero = 0,
        One = 1,
    }
}

use timschema::contract::{Contract, ContractType, Walker};

#[test]
fn derived_code_ignores_shadowed_names() {
    let value = shadowed::Shadowed {
        a: Some(11),
        b: vec!["toolong".into()],
    };
    let mut walker = Walker::new(&[]);
    value.validate(&mut walker);
    let (violations, _) = walker.finish();
    let ids: std::vec::Vec<&str> = violations.iter().map(|v| v.rule).collect();
    assert_eq!(ids, ["a-range", "b-short", "a-below-b"]);
    assert_eq!(violations[1].pointer, "/b/0");
    assert_eq!(shadowed::Shadowed::CONTRACT.rules.len(), 3);

    let mut walker = Walker::new(&[]);
    shadowed::Level::Zero.validate(&mut walker);
    assert_eq!(walker.finish().0[0].rule, "level-zero");
}
