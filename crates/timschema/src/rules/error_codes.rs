//! The IM error codes (docs/wire-format.md, error codes; cloud.tencent.com/document/product/269/1671 and
//! the SDK's `TIMErrCode`), as the ranges the documentation groups them in.

/// The documented ranges, inclusive, with what they are about.
pub const RANGES: &[(i64, i64, &str)] = &[
    (-20009, -20009, "SSO access layer: client API overuse"),
    (-10114, -10000, "SSO access layer"),
    (-302, -302, "SSO access layer"),
    (-1, -1, "Flutter web: a JS SDK error without a code"),
    (2000, 2999, "Web SDK"),
    (4001, 4005, "file and image messages"),
    (6001, 6032, "SDK: general, account and message"),
    (6100, 6152, "SDK: legacy and internal"),
    (6206, 6206, "account: UserSig expired"),
    (6208, 6208, "account: kicked off by another login"),
    (7001, 7015, "SDK: communication"),
    (7501, 7508, "login and TLS"),
    (8001, 8021, "message (SDK)"),
    (8501, 8514, "group (SDK)"),
    (9001, 9006, "friendship (SDK)"),
    (9501, 9525, "network"),
    (10002, 10071, "group (server)"),
    (20001, 23009, "message (server)"),
    (30001, 32103, "friendship (server)"),
    (40001, 40610, "profile"),
    (50001, 51011, "conversation (server)"),
    (60002, 60021, "server common and REST"),
    (70001, 70500, "account (server)"),
    (72001, 72001, "account: user status disabled"),
    (72012, 72012, "profile subscription disabled"),
    (80001, 80005, "content security"),
    (90001, 93000, "message REST API"),
    (114000, 115068, "resource files"),
];

/// True when `code` lies in a documented range.
pub fn is_documented(code: i64) -> bool {
    RANGES
        .iter()
        .any(|&(low, high, _)| (low..=high).contains(&code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_from_the_reference_are_documented() {
        for code in [
            6014, 6017, 6013, 70001, 10004, 51011, -10001, 2024, -1, 114000,
        ] {
            assert!(is_documented(code), "{code}");
        }
        for code in [1, 5000, 12345, 99999, -5] {
            assert!(!is_documented(code), "{code}");
        }
    }

    #[test]
    fn ranges_are_sorted_and_disjoint() {
        for pair in RANGES.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }
}
