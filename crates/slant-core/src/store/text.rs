//! A project file's bytes as the text Slant wrote: byte order marks, UTF-16/32 re-saves and
//! `\r\n` line ends undone, anything else an error at its first bad byte.

use super::carriage;

/// Why a project file's bytes are not text.
pub(super) enum TextError {
    /// The byte at this offset is not UTF-8.
    NotUtf8(usize),
    /// The file ends inside the UTF-8 character that starts at this offset.
    CutInCharacter(usize),
    /// A file marked (or shaped) as UTF-16 or UTF-32 holds a sequence that is not valid there.
    Damaged {
        encoding: crate::encoding::Encoding,
        offset: usize,
    },
}

/// A project file's text. Slant writes UTF-8 with `\n` line ends; editors and mail programs
/// that re-save it may add a byte order mark, switch to UTF-16 or UTF-32 (with a mark, or
/// UTF-16 without one) or to `\r\n` line ends, which would shift every offset: all of those
/// read as Slant wrote them (a `\r` inside a string is the text's own, see [`carriage`]). Any
/// other encoding is an error at the first byte that is not UTF-8.
pub(super) fn project_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, TextError> {
    use std::borrow::Cow;
    let text: Cow<str> = match crate::encoding::decode_unicode(bytes) {
        Some(d) => match d.first_error {
            None => Cow::Owned(d.text),
            Some(offset) if d.encoding == crate::encoding::Encoding::Utf8Bom => {
                return Err(utf8_error(bytes, offset));
            }
            Some(offset) => {
                return Err(TextError::Damaged {
                    encoding: d.encoding,
                    offset,
                });
            }
        },
        None => Cow::Borrowed(
            std::str::from_utf8(bytes).map_err(|e| utf8_error(bytes, e.valid_up_to()))?,
        ),
    };
    Ok(carriage::normalize_line_ends(text))
}

/// What is wrong at `at`, the first byte that is not UTF-8: a character cut off by the end of
/// the file (a short copy), or a byte of another encoding.
fn utf8_error(bytes: &[u8], at: usize) -> TextError {
    match std::str::from_utf8(&bytes[at..]) {
        Err(e) if e.valid_up_to() == 0 && e.error_len().is_none() => TextError::CutInCharacter(at),
        _ => TextError::NotUtf8(at),
    }
}
