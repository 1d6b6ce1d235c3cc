//! How a message is announced by offline push (C89 `lib/enum/offlinePushInfo.dart`; docs/wire-format.md).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;

/// The offline push settings of a message: what the notification says and how each vendor's
/// push service shows it.
///
/// These are the camelCase keys of SDK 8.x (`OfflinePushInfo`); SDK 2.x had only `title`,
/// `desc` and `isDisablePush`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
pub struct OfflinePushInfo {
    /// The notification title; a platform-specific title, where set, wins on that platform.
    #[serde(rename = "title", default, skip_serializing_if = "Option::is_none")]
    #[native("offline_push_config_title")]
    pub title: Option<String>,
    /// The notification text.
    #[serde(rename = "desc", default, skip_serializing_if = "Option::is_none")]
    #[native("offline_push_config_desc")]
    pub desc: Option<String>,
    /// Extra data delivered with the notification to the app that opens it.
    #[serde(rename = "ext", default, skip_serializing_if = "Option::is_none")]
    #[native("offline_push_config_ext")]
    pub ext: Option<String>,
    /// True when the message must not be pushed at all; false by default.
    #[serde(
        rename = "disablePush",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(key = "offline_push_config_flag", convert = crate::native::convert::PushFlag)]
    pub disable_push: Option<bool>,
    /// SDK 2.x's name for `disablePush`.
    #[serde(
        rename = "isDisablePush",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_disable_push: Option<bool>,
    /// The sound file to play on iOS.
    #[serde(rename = "iOSSound", default, skip_serializing_if = "Option::is_none")]
    #[native("offline_push_config_ios_config/ios_offline_push_config_sound")]
    pub ios_sound: Option<String>,
    /// An image URL shown in the iOS notification.
    #[serde(rename = "iOSImage", default, skip_serializing_if = "Option::is_none")]
    #[native("offline_push_config_ios_config/ios_offline_push_config_image")]
    pub ios_image: Option<String>,
    /// True to leave the iOS badge count unchanged.
    #[serde(
        rename = "ignoreIOSBadge",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_ios_config/ios_offline_push_config_ignore_badge")]
    pub ignore_ios_badge: Option<bool>,
    /// The iOS push channel: 0 for APNs (the default), 1 for VoIP.
    #[serde(
        rename = "iOSPushType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_ios_config/ios_offline_push_config_push_type")]
    pub ios_push_type: Option<i64>,
    /// The iOS 15 interruption level, such as `time-sensitive` (SDK 8.x).
    #[serde(
        rename = "iOSInterruptionLevel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_ios_config/ios_offline_push_config_interruption_level")]
    pub ios_interruption_level: Option<String>,
    /// True to wake the app in the background on iOS (SDK 8.x).
    #[serde(
        rename = "enableIOSBackgroundNotification",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(
        "offline_push_config_ios_config/ios_offline_push_config_enable_background_notification"
    )]
    pub enable_ios_background_notification: Option<bool>,
    /// The sound file to play on Android.
    #[serde(
        rename = "androidSound",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_sound")]
    pub android_sound: Option<String>,
    /// The OPPO notification channel id.
    #[serde(
        rename = "androidOPPOChannelID",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_oppo_channel_id")]
    pub android_oppo_channel_id: Option<String>,
    /// The OPPO message category (SDK 8.x).
    #[serde(
        rename = "androidOPPOCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_oppo_category")]
    pub android_oppo_category: Option<String>,
    /// The OPPO notification level (SDK 8.x).
    #[serde(
        rename = "androidOPPONotifyLevel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_oppo_notify_level")]
    pub android_oppo_notify_level: Option<i64>,
    /// The vivo message class: 0 operational, 1 system; the SDK defaults to 1.
    #[serde(
        rename = "androidVIVOClassification",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_vivo_classification")]
    pub android_vivo_classification: Option<i64>,
    /// The vivo message category.
    #[serde(
        rename = "androidVIVOCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_vivo_category")]
    pub android_vivo_category: Option<String>,
    /// The Firebase Cloud Messaging channel id.
    #[serde(
        rename = "androidFCMChannelID",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_fcm_channel_id")]
    pub android_fcm_channel_id: Option<String>,
    /// An image URL shown in the FCM notification.
    #[serde(
        rename = "androidFCMImage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_fcm_image")]
    pub android_fcm_image: Option<String>,
    /// The Xiaomi notification channel id.
    #[serde(
        rename = "androidXiaoMiChannelID",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_xiaomi_channel_id")]
    pub android_xiaomi_channel_id: Option<String>,
    /// The Huawei message category.
    #[serde(
        rename = "androidHuaWeiCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_huawei_category")]
    pub android_huawei_category: Option<String>,
    /// An image URL shown in the Huawei notification.
    #[serde(
        rename = "androidHuaWeiImage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_huawei_image")]
    pub android_huawei_image: Option<String>,
    /// An image URL shown in the Honor notification.
    #[serde(
        rename = "androidHonorImage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_honor_image")]
    pub android_honor_image: Option<String>,
    /// The Honor importance, such as `NORMAL` (SDK 8.x).
    #[serde(
        rename = "androidHonorImportance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_honor_importance")]
    pub android_honor_importance: Option<String>,
    /// The Meizu notification type (SDK 8.9).
    #[serde(
        rename = "androidMeizuNotifyType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_android_config/android_offline_push_config_meizu_notify_type")]
    pub android_meizu_notify_type: Option<i64>,
    /// An image URL shown in the HarmonyOS notification (SDK 8.x).
    #[serde(
        rename = "harmonyImage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_harmony_config/harmony_offline_push_config_image")]
    pub harmony_image: Option<String>,
    /// The HarmonyOS message category (SDK 8.x).
    #[serde(
        rename = "harmonyCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_harmony_config/harmony_offline_push_config_category")]
    pub harmony_category: Option<String>,
    /// True to leave the HarmonyOS badge count unchanged (SDK 8.x).
    #[serde(
        rename = "ignoreHarmonyBadge",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native(key = "offline_push_config_harmony_config/harmony_offline_push_config_ignore_badge", convert = crate::native::convert::HarmonyBadge)]
    pub ignore_harmony_badge: Option<bool>,
    /// Vendor-specific push parameters as a JSON string (SDK 8.9).
    #[serde(
        rename = "vendorParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("offline_push_config_vendor_params")]
    pub vendor_params: Option<String>,
}
