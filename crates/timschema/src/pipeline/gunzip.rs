//! Gzip-compressed inputs: recognised by their first two bytes (`1f 8b`), whatever their name,
//! and decompressed as they are read, so line numbers count lines of the decompressed text.
//!
//! Concatenated gzip members are read one after the other, as `gzip -dc` does. A stream that
//! is cut short or corrupt fails the read at the place it breaks with a [`Broken`] error,
//! which the reader turns into an `input/gzip` finding on the line it reached; the documents
//! before it have already been handed on and are checked.

use std::io::{self, Read};

/// The first two bytes of every gzip member (RFC 1952, section 2.3.1).
const MAGIC: [u8; 2] = [0x1F, 0x8B];

/// `reader` as plain text: decompressed when it starts with the gzip magic bytes, unchanged
/// (the bytes looked at put back in front) otherwise.
pub(super) fn open<'r>(mut reader: impl Read + Send + 'r) -> io::Result<Box<dyn Read + Send + 'r>> {
    let mut head = [0u8; 2];
    let mut got = 0;
    while got < head.len() {
        match reader.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    let reader = io::Cursor::new(head).take(got as u64).chain(reader);
    if got == 2 && head == MAGIC {
        let counted = Counted {
            inner: reader,
            bytes: 0,
        };
        Ok(Box::new(Gunzip(flate2::read::MultiGzDecoder::new(counted))))
    } else {
        Ok(Box::new(reader))
    }
}

/// Why a gzip stream could not be decompressed, and how far into it that was.
#[derive(Debug)]
pub(super) struct Broken {
    /// What the decompressor said.
    pub detail: String,
    /// The compressed bytes read before it broke.
    pub offset: u64,
    /// The stream simply ends before its last member does.
    pub truncated: bool,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.truncated {
            "the gzip stream is cut short"
        } else {
            "the gzip stream is corrupt"
        };
        write!(
            f,
            "{what} ({}), {} compressed bytes in; the documents before this line were checked",
            self.detail, self.offset
        )
    }
}

impl std::error::Error for Broken {}

/// The [`Broken`] inside an I/O error, if the error is one.
pub(super) fn broken(error: &io::Error) -> Option<&Broken> {
    error.get_ref()?.downcast_ref::<Broken>()
}

/// The compressed stream, counting what the decompressor has read and marking its own
/// read errors, so they are not taken for the decompressor's.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

/// An error of the underlying input, passed through the decompressor untouched.
#[derive(Debug)]
struct Underlying(io::Error);

impl std::fmt::Display for Underlying {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Underlying {}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.bytes += n as u64;
                Ok(n)
            }
            Err(error) => Err(io::Error::new(error.kind(), Underlying(error))),
        }
    }
}

struct Gunzip<R: Read>(flate2::read::MultiGzDecoder<Counted<R>>);

impl<R: Read> Read for Gunzip<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|error| {
            let kind = error.kind();
            if kind == io::ErrorKind::Interrupted {
                return error;
            }
            match error.into_inner() {
                Some(inner) => match inner.downcast::<Underlying>() {
                    Ok(underlying) => underlying.0,
                    Err(inner) => self.broken(kind, inner.to_string()),
                },
                None => self.broken(kind, kind.to_string()),
            }
        })
    }
}

impl<R: Read> Gunzip<R> {
    fn broken(&self, kind: io::ErrorKind, detail: String) -> io::Error {
        let broken = Broken {
            detail,
            offset: self.0.get_ref().bytes,
            truncated: kind == io::ErrorKind::UnexpectedEof,
        };
        io::Error::new(kind, broken)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(text: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text).unwrap();
        encoder.finish().unwrap()
    }

    fn read_all(bytes: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        open(bytes)?.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn plain_text_passes_through_and_gzip_is_decompressed() {
        for text in [&b""[..], b"{", b"{}", b"{\"a\":1}\n"] {
            assert_eq!(read_all(text).unwrap(), text);
            assert_eq!(read_all(&gzip(text)).unwrap(), text);
        }
        // Two members, as `cat a.gz b.gz` makes.
        let mut two = gzip(b"one\n");
        two.extend(gzip(b"two\n"));
        assert_eq!(read_all(&two).unwrap(), b"one\ntwo\n");
    }

    #[test]
    fn a_cut_or_corrupt_stream_is_a_broken_error() {
        let whole = gzip(&b"{\"code\":0}\n".repeat(1000));
        let cut = read_all(&whole[..whole.len() / 2]).unwrap_err();
        let broken = super::broken(&cut).expect("a gzip error");
        assert!(broken.truncated, "{broken}");
        assert!(broken.offset > 0 && broken.offset <= whole.len() as u64 / 2);

        let mut corrupt = whole.clone();
        let last = corrupt.len() - 5;
        corrupt[last] ^= 0xFF; // the stored length no longer matches
        let error = read_all(&corrupt).unwrap_err();
        let broken = super::broken(&error).expect("a gzip error");
        assert!(!broken.truncated, "{broken}");
        assert!(broken.to_string().contains("corrupt"), "{broken}");
    }
}
