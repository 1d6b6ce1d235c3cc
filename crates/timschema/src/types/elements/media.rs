//! Elements that refer to uploaded files: image, sound, video and file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Contract;

use super::NextElem;
use crate::types::enums::ImageType;

/// An image element: a picture in up to three renditions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[contract(rule(
    id = "image-type-unique",
    cel = r#"!has(self.imageList)
        || size(self.imageList.filter(image, image != null && has(image.type) && image.type == 0)) <= 1
        && size(self.imageList.filter(image, image != null && has(image.type) && image.type == 1)) <= 1
        && size(self.imageList.filter(image, image != null && has(image.type) && image.type == 2)) <= 1"#,
    at = "imageList",
    detail = r#"{size(self.imageList.filter(image, image != null && has(image.type) && image.type == 0)) > 1 ? "two originals (type 0)"
        : size(self.imageList.filter(image, image != null && has(image.type) && image.type == 1)) > 1 ? "two thumbnails (type 1)"
        : "two large images (type 2)":raw}"#,
    message = "the image list holds two images of one type",
    doc = "An image element carries at most one original, one thumbnail and one large image: SDK 8.9 builds exactly one of each from the C API's flat image_elem_orig_*, _thumb_* and _large_* keys (docs/wire-format.md#unsigned-values)."
))]
#[native(known("elem_type", "image_elem_level", "image_elem_format"))]
pub struct V2TimImageElem {
    /// The local path of the original picture; set on the sender's device only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("image_elem_orig_path")]
    pub path: Option<String>,
    /// The renditions of the picture: original, thumbnail and large.
    #[serde(rename = "imageList", default, skip_serializing_if = "Option::is_none")]
    #[native(
        with = crate::native::convert::ImageList,
        from(
            "image_elem_orig_url",
            "image_elem_orig_id",
            "image_elem_orig_pic_size",
            "image_elem_orig_pic_width",
            "image_elem_orig_pic_height",
            "image_elem_thumb_url",
            "image_elem_thumb_id",
            "image_elem_thumb_pic_size",
            "image_elem_thumb_pic_width",
            "image_elem_thumb_pic_height",
            "image_elem_large_url",
            "image_elem_large_id",
            "image_elem_large_pic_size",
            "image_elem_large_pic_width",
            "image_elem_large_pic_height",
        )
    )]
    pub image_list: Option<Vec<Option<V2TimImage>>>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}

/// One rendition of a picture.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
pub struct V2TimImage {
    /// The rendition's id on Tencent's storage, as the native bridges name it.
    #[serde(rename = "UUID", default, skip_serializing_if = "Option::is_none")]
    pub uuid_upper: Option<String>,
    /// The same id under the key SDK 8.1's Dart layer writes; readers take `UUID` first.
    #[serde(rename = "uuid", default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,
    /// Which rendition this is: original, thumbnail or large.
    #[contract(
        range(min = 0, max = 2),
        id = "image-type-range",
        message = "type is not an image type (0 to 2)",
        doc = "An image rendition is the original (0), the thumbnail (1) or the large preview (2), in the Dart numbering the camelCase JSON uses (docs/wire-format.md: enumerations; the C++ headers use 1, 2 and 4)."
    )]
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub image_type: Option<ImageType>,
    /// The size of the picture file in bytes.
    #[contract(
        range(min = 0),
        id = "image-size-non-negative",
        message = "size is negative",
        doc = "The size of a picture file in bytes is the unsigned `image_elem_*_pic_size` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    /// The width in pixels.
    #[contract(
        range(min = 0),
        id = "image-width-non-negative",
        message = "width is negative",
        doc = "The width of a picture in pixels is the unsigned `image_elem_*_pic_width` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    /// The height in pixels.
    #[contract(
        range(min = 0),
        id = "image-height-non-negative",
        message = "height is negative",
        doc = "The height of a picture in pixels is the unsigned `image_elem_*_pic_height` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<i64>,
    /// The download URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The local path once the rendition has been downloaded.
    #[serde(rename = "localUrl", default, skip_serializing_if = "Option::is_none")]
    pub local_url: Option<String>,
}

/// A sound element: a voice recording.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("elem_type", "sound_elem_business_id"))]
pub struct V2TimSoundElem {
    /// The local path of the recording; set on the sender's device only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("sound_elem_file_path")]
    pub path: Option<String>,
    /// The recording's id on Tencent's storage.
    #[serde(rename = "UUID", default, skip_serializing_if = "Option::is_none")]
    #[native("sound_elem_file_id")]
    pub uuid: Option<String>,
    /// The size of the recording in bytes.
    #[contract(
        range(min = 0),
        id = "sound-size-non-negative",
        message = "dataSize is negative",
        doc = "The size of a sound file in bytes is the unsigned `sound_elem_file_size` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(rename = "dataSize", default, skip_serializing_if = "Option::is_none")]
    #[native("sound_elem_file_size")]
    pub data_size: Option<i64>,
    /// The length of the recording in seconds.
    #[contract(
        range(min = 0),
        id = "sound-duration-non-negative",
        message = "duration is negative",
        doc = "The length of a sound in seconds is the unsigned `sound_elem_file_time` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("sound_elem_file_time")]
    pub duration: Option<i64>,
    /// The download URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("sound_elem_url")]
    pub url: Option<String>,
    /// The local path once the recording has been downloaded.
    #[serde(rename = "localUrl", default, skip_serializing_if = "Option::is_none")]
    pub local_url: Option<String>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}

/// A video element: a video file and its cover picture (snapshot).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("elem_type", "video_elem_business_id", "video_elem_image_type"))]
pub struct V2TimVideoElem {
    /// The local path of the video; set on the sender's device before sending.
    #[serde(rename = "videoPath", default, skip_serializing_if = "Option::is_none")]
    #[native("video_elem_video_path")]
    pub video_path: Option<String>,
    /// The video's id on Tencent's storage.
    #[serde(rename = "UUID", default, skip_serializing_if = "Option::is_none")]
    #[native("video_elem_video_id")]
    pub uuid: Option<String>,
    /// The size of the video in bytes.
    #[contract(
        range(min = 0),
        id = "video-size-non-negative",
        message = "videoSize is negative",
        doc = "The size of a video file in bytes is the unsigned `video_elem_video_size` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(rename = "videoSize", default, skip_serializing_if = "Option::is_none")]
    #[native("video_elem_video_size")]
    pub video_size: Option<i64>,
    /// The length of the video in seconds.
    #[contract(
        range(min = 0),
        id = "video-duration-non-negative",
        message = "duration is negative",
        doc = "The length of a video in seconds is the unsigned `video_elem_video_duration` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("video_elem_video_duration")]
    pub duration: Option<i64>,
    /// The container format of the video, such as `mp4` (SDK 8.9).
    #[serde(rename = "videoType", default, skip_serializing_if = "Option::is_none")]
    #[native("video_elem_video_type")]
    pub video_type: Option<String>,
    /// The local path of the cover picture; set on the sender's device before sending.
    #[serde(
        rename = "snapshotPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("video_elem_image_path")]
    pub snapshot_path: Option<String>,
    /// The cover picture's id on Tencent's storage.
    #[serde(
        rename = "snapshotUUID",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("video_elem_image_id")]
    pub snapshot_uuid: Option<String>,
    /// The size of the cover picture in bytes.
    #[contract(
        range(min = 0),
        id = "snapshot-size-non-negative",
        message = "snapshotSize is negative",
        doc = "The size of a video's snapshot in bytes is the unsigned `video_elem_image_size` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(
        rename = "snapshotSize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("video_elem_image_size")]
    pub snapshot_size: Option<i64>,
    /// The width of the cover picture in pixels.
    #[contract(
        range(min = 0),
        id = "snapshot-width-non-negative",
        message = "snapshotWidth is negative",
        doc = "The width of a video's snapshot in pixels is the unsigned `video_elem_image_width` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(
        rename = "snapshotWidth",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("video_elem_image_width")]
    pub snapshot_width: Option<i64>,
    /// The height of the cover picture in pixels.
    #[contract(
        range(min = 0),
        id = "snapshot-height-non-negative",
        message = "snapshotHeight is negative",
        doc = "The height of a video's snapshot in pixels is the unsigned `video_elem_image_height` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(
        rename = "snapshotHeight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("video_elem_image_height")]
    pub snapshot_height: Option<i64>,
    /// The video's download URL; sent only after `getMessageOnlineUrl`.
    #[serde(rename = "videoUrl", default, skip_serializing_if = "Option::is_none")]
    #[native("video_elem_video_url")]
    pub video_url: Option<String>,
    /// The cover picture's download URL; sent only after `getMessageOnlineUrl`.
    #[serde(
        rename = "snapshotUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[native("video_elem_image_url")]
    pub snapshot_url: Option<String>,
    /// The local path once the video has been downloaded.
    #[serde(
        rename = "localVideoUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_video_url: Option<String>,
    /// The local path once the cover picture has been downloaded.
    #[serde(
        rename = "localSnapshotUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_snapshot_url: Option<String>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}

/// A file element.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema, Contract)]
#[native(known("elem_type", "file_elem_business_id"))]
pub struct V2TimFileElem {
    /// The local path of the file; set on the sender's device only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("file_elem_file_path")]
    pub path: Option<String>,
    /// The file's name as shown to the user.
    #[serde(rename = "fileName", default, skip_serializing_if = "Option::is_none")]
    #[native("file_elem_file_name")]
    pub file_name: Option<String>,
    /// The file's id on Tencent's storage.
    #[serde(rename = "UUID", default, skip_serializing_if = "Option::is_none")]
    #[native("file_elem_file_id")]
    pub uuid: Option<String>,
    /// The download URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[native("file_elem_url")]
    pub url: Option<String>,
    /// The size of the file in bytes.
    #[contract(
        range(min = 0),
        id = "file-size-non-negative",
        message = "fileSize is negative",
        doc = "The size of a file in bytes is the unsigned `file_elem_file_size` of the C API (docs/wire-format.md#unsigned-values)."
    )]
    #[serde(rename = "fileSize", default, skip_serializing_if = "Option::is_none")]
    #[native("file_elem_file_size")]
    pub file_size: Option<i64>,
    /// The local path once the file has been downloaded.
    #[serde(rename = "localUrl", default, skip_serializing_if = "Option::is_none")]
    pub local_url: Option<String>,
    /// The next element when the message carries several (SDK 8.1).
    #[serde(rename = "nextElem", default, skip_serializing_if = "Option::is_none")]
    pub next_elem: Option<NextElem>,
}
