//! The page's characters: the `charset` of the `Content-Type` header first (it overrides the
//! page, as in browsers), then a `<meta charset>` near the top of an HTML page, then UTF-8 where
//! the bytes are valid UTF-8, else Windows-1252 (what pages without a label nearly always are).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The body as text.
pub(crate) fn decode(bytes: &[u8], content_type: Option<&str>, html: bool) -> String {
    // A byte order mark names the encoding whatever the labels say.
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    let labelled = content_type
        .and_then(charset_parameter)
        .or_else(|| html.then(|| meta_charset(bytes)).flatten())
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let encoding = labelled.unwrap_or(if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    });
    // A page labelled UTF-16 is never sent as such over HTTP; its label is a mistake.
    let encoding = encoding.output_encoding();
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// `text/html; charset="windows-1252"` → `windows-1252`.
fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
/// first 4 KB, as browsers look for it.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(at) = tag.find("charset") {
            let value = tag[at + 7..].trim_start();
            let Some(value) = value.strip_prefix('=') else {
                continue;
            };
            let value = value.trim_start().trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            if end > 0 {
                return Some(value[..end].to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_wins_then_the_page_then_the_bytes() {
        let cafe_1252 = b"<meta charset=\"utf-8\"><p>caf\xe9</p>";
        assert!(decode(cafe_1252, Some("text/html; charset=windows-1252"), true).contains("café"));
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><p>caf\xe9</p>";
        assert!(decode(page, Some("text/html"), true).contains("café"));
        assert!(decode("café".as_bytes(), None, true).contains("café"));
        assert!(decode(b"caf\xe9", None, false).contains("café"));
    }
}
