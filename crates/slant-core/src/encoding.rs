//! Which Unicode encoding a file's bytes are in, by its byte order mark or, for UTF-16 written
//! without one, by the shape of its bytes; and text with no mark that is not all UTF-8.
//!
//! Article files and project files meet the same programs: Notepad and Word save UTF-16 (with or
//! without a mark), some tools UTF-32, editors add a UTF-8 mark. UTF-32's marks begin with
//! UTF-16's, so they are tested first; otherwise a UTF-32 file reads as UTF-16 full of NULs.

use std::fmt;

/// How a file's bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// UTF-16 without a byte order mark, told by its zero bytes (text in Latin letters).
    Utf16LeNoBom,
    Utf16BeNoBom,
    Utf32Le,
    Utf32Be,
    Windows1252,
    /// UTF-8 with a few bytes that are not (a Word quote pasted into a UTF-8 file), each read
    /// as Windows-1252.
    Utf8WithWindows1252,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Utf16LeNoBom => "UTF-16 LE without a byte order mark",
            Encoding::Utf16BeNoBom => "UTF-16 BE without a byte order mark",
            Encoding::Utf32Le => "UTF-32 LE",
            Encoding::Utf32Be => "UTF-32 BE",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf8WithWindows1252 => "UTF-8 with stray Windows-1252 bytes",
        })
    }
}

/// Text decoded from a marked (or UTF-16-shaped) file.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// The byte offset of the first sequence that is not valid in `encoding` (replaced by
    /// U+FFFD in `text`), if any.
    pub first_error: Option<usize>,
}

/// Decodes `bytes` when a byte order mark or UTF-16's shape says what they are; `None` for
/// anything else (UTF-8 without a mark, or a legacy encoding), which the caller reads its way.
pub fn decode_unicode(bytes: &[u8]) -> Option<Decoded> {
    let units = |width: usize, skip: usize, encoding: Encoding| {
        decode_units(&bytes[skip..], width, encoding, skip)
    };
    if bytes.starts_with(b"\xFF\xFE\0\0") {
        Some(units(4, 4, Encoding::Utf32Le))
    } else if bytes.starts_with(b"\0\0\xFE\xFF") {
        Some(units(4, 4, Encoding::Utf32Be))
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, first_error) = match std::str::from_utf8(rest) {
            Ok(t) => (t.to_owned(), None),
            Err(e) => (
                String::from_utf8_lossy(rest).into_owned(),
                Some(3 + e.valid_up_to()),
            ),
        };
        Some(Decoded {
            text,
            encoding: Encoding::Utf8Bom,
            first_error,
        })
    } else if bytes.starts_with(b"\xFF\xFE") {
        Some(units(2, 2, Encoding::Utf16Le))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(units(2, 2, Encoding::Utf16Be))
    } else {
        utf16_shape(bytes).map(|encoding| units(2, 0, encoding))
    }
}

/// UTF-16 without a mark: in text of Latin letters every other byte is zero. Zero bytes are
/// never in UTF-8 text, so the test cannot mistake a UTF-8 file.
fn utf16_shape(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zero_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    let mostly = |n: usize| n * 2 >= pairs; // at least half the characters are Latin
    if mostly(odd) && even == 0 {
        Some(Encoding::Utf16LeNoBom)
    } else if mostly(even) && odd == 0 {
        Some(Encoding::Utf16BeNoBom)
    } else {
        None
    }
}

/// Decodes UTF-16 (`width` 2) or UTF-32 (`width` 4) code units; offsets in errors count from
/// the file's start (`base` bytes of mark before `bytes`).
fn decode_units(bytes: &[u8], width: usize, encoding: Encoding, base: usize) -> Decoded {
    let big = matches!(
        encoding,
        Encoding::Utf16Be | Encoding::Utf16BeNoBom | Encoding::Utf32Be
    );
    let chunks = bytes.chunks_exact(width);
    let trailing = chunks.remainder().len();
    let unit = |c: &[u8]| -> u32 {
        let mut v = 0u32;
        for i in 0..width {
            let b = if big { c[i] } else { c[width - 1 - i] };
            v = (v << 8) | u32::from(b);
        }
        v
    };
    let mut text = String::with_capacity(bytes.len() / width);
    let mut first_error = None;
    let mut error_at = |i: usize| {
        first_error.get_or_insert(base + i * width);
    };
    if width == 4 {
        for (i, c) in chunks.enumerate() {
            match char::from_u32(unit(c)) {
                Some(ch) => text.push(ch),
                None => {
                    error_at(i);
                    text.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
    } else {
        let mut index = 0;
        for r in char::decode_utf16(chunks.map(|c| unit(c) as u16)) {
            match r {
                Ok(ch) => {
                    text.push(ch);
                    index += ch.len_utf16();
                }
                Err(_) => {
                    error_at(index);
                    text.push(char::REPLACEMENT_CHARACTER);
                    index += 1;
                }
            }
        }
    }
    if trailing > 0 {
        first_error.get_or_insert(base + bytes.len() - trailing);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Decoded {
        text,
        encoding,
        first_error,
    }
}

/// Bytes that are not all UTF-8. A UTF-8 file with a few stray sequences (a Word quote pasted
/// in) has at least as many UTF-8 characters beyond ASCII as stray sequences: those are read as
/// Windows-1252 and the rest stays UTF-8, rather than every `’` turning into `â€™`. Otherwise
/// (a file saved by Word, where no curly quote is valid UTF-8) the whole file is Windows-1252.
/// Windows-1252 text can spell a valid UTF-8 pair by chance ("Strauß’" is N'Ko in UTF-8): the
/// scripts that only such pairs reach (Thaana, N'Ko) do not count as UTF-8 characters.
pub fn decode_mostly_utf8(bytes: &[u8]) -> (String, Encoding) {
    let mut mixed = String::with_capacity(bytes.len());
    let (mut beyond_ascii, mut stray) = (0usize, 0usize);
    let mut last_was_stray = false;
    for chunk in bytes.utf8_chunks() {
        beyond_ascii += chunk
            .valid()
            .chars()
            .filter(|c| !c.is_ascii() && !('\u{0780}'..='\u{07FF}').contains(c))
            .count();
        // A run of bad bytes (a broken emoji is six) is one stray sequence.
        let run_goes_on = chunk.valid().is_empty() && !mixed.is_empty() && last_was_stray;
        mixed.push_str(chunk.valid());
        last_was_stray = !chunk.invalid().is_empty();
        stray += usize::from(last_was_stray && !run_goes_on);
        let (read, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
        mixed.push_str(&read);
    }
    if beyond_ascii > 0 && beyond_ascii >= stray {
        (mixed, Encoding::Utf8WithWindows1252)
    } else {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        (text.into_owned(), Encoding::Windows1252)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn marks_pick_the_encoding_and_utf32_is_not_read_as_utf16() {
        let mut le32 = b"\xFF\xFE\0\0".to_vec();
        le32.extend("Iran’s".chars().flat_map(|c| (c as u32).to_le_bytes()));
        let d = decode_unicode(&le32).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Iran’s", Encoding::Utf32Le));
        let mut be32 = b"\0\0\xFE\xFF".to_vec();
        be32.extend("é😀".chars().flat_map(|c| (c as u32).to_be_bytes()));
        assert_eq!(decode_unicode(&be32).unwrap().text, "é😀");
        let mut le16 = b"\xFF\xFE".to_vec();
        le16.extend(utf16le("“No,” 😀"));
        let d = decode_unicode(&le16).unwrap();
        assert_eq!((d.text.as_str(), d.first_error), ("“No,” 😀", None));
    }

    #[test]
    fn utf16_without_a_mark_is_told_by_its_zero_bytes() {
        let d = decode_unicode(&utf16le("(\n  title: \"x\",\n)")).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16LeNoBom);
        assert_eq!(d.text, "(\n  title: \"x\",\n)");
        let be: Vec<u8> = "The vote"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode_unicode(&be).unwrap().encoding,
            Encoding::Utf16BeNoBom
        );
        assert_eq!(decode_unicode("plain UTF-8 text".as_bytes()), None);
        assert_eq!(decode_unicode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
    }

    #[test]
    fn damage_is_located_in_bytes_from_the_start_of_the_file() {
        let mut le16 = b"\xFF\xFE".to_vec();
        le16.extend(utf16le("ab"));
        le16.extend([0x00, 0xD8]); // a lone high surrogate
        le16.extend(utf16le("c"));
        let d = decode_unicode(&le16).unwrap();
        assert_eq!((d.text.as_str(), d.first_error), ("ab\u{FFFD}c", Some(6)));
        let mut odd = b"\xFF\xFE".to_vec();
        odd.extend(utf16le("ab"));
        odd.push(b'c');
        assert_eq!(decode_unicode(&odd).unwrap().first_error, Some(6));
    }
}
