//! Generating every language from the committed response schema.

fn schema() -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../schemas/get-conversation.response.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_language_generates_and_is_snapshotted() {
    for target in timschema_clients::Target::ALL {
        let files = timschema_clients::generate(&schema(), *target).unwrap();
        for (name, contents) in files {
            insta::assert_snapshot!(format!("{}-{name}", target.name()), contents);
        }
    }
}

#[test]
fn the_model_has_every_class_and_enumeration() {
    let model = timschema_clients::Model::from_schema(&schema()).unwrap();
    assert_eq!(model.root, "GetConversationResponse");
    for name in [
        "V2TimConversation",
        "V2TimMessage",
        "V2TimGroupAtInfo",
        "ConversationType",
        "GroupType",
        "OfflinePushInfo",
    ] {
        assert!(model.get(name).is_some(), "{name}");
    }
    let Some(timschema_clients::model::TypeDef::Class { fields, .. }) =
        model.get("V2TimConversation")
    else {
        panic!()
    };
    let orderkey = fields.iter().find(|f| f.wire == "orderkey").unwrap();
    assert_eq!(
        orderkey.ty,
        timschema_clients::model::Ty::Integer {
            wide: true,
            unsigned: false
        }
    );
    assert!(
        fields
            .iter()
            .find(|f| f.wire == "conversationID")
            .unwrap()
            .required
    );
}
