//! Snapshots of every shipped schema: a change to the contract shows up as a reviewed diff.

#[test]
fn schemas() {
    for artifact in timschema::schema::ARTIFACTS {
        insta::assert_snapshot!(artifact.file_name, artifact.render());
    }
}
