//! What a response holds, by its `Content-Type` or, where there is none, by its first bytes.

/// The kinds of response Slant imports, and what any other is called in a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    Html,
    Text,
    Markdown,
    /// Not an article: how to name it to the user ("a PDF document", "an image (image/png)").
    Other(String),
}

impl Content {
    /// `text/html; charset=utf-8` → `Html`.
    pub fn of_header(value: &str) -> Content {
        let mime = value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match mime.as_str() {
            "text/html" | "application/xhtml+xml" | "application/xml" | "text/xml" => Content::Html,
            "text/plain" | "" => Content::Text,
            "text/markdown" | "text/x-markdown" => Content::Markdown,
            "application/pdf" => Content::Other("a PDF document".into()),
            "application/json" => Content::Other("JSON data".into()),
            "application/zip" | "application/gzip" | "application/x-tar" => {
                Content::Other(format!("an archive ({mime})"))
            }
            m if m.starts_with("image/") => Content::Other(format!("an image ({mime})")),
            m if m.starts_with("video/") => Content::Other(format!("a video ({mime})")),
            m if m.starts_with("audio/") => Content::Other(format!("a sound file ({mime})")),
            m if m.starts_with("font/") => Content::Other(format!("a font ({mime})")),
            m if m.contains("word")
                || m.contains("officedocument")
                || m.contains("opendocument") =>
            {
                Content::Other(format!("an office document ({mime})"))
            }
            // A server that does not say (`application/octet-stream`) gets a look at the bytes.
            "application/octet-stream" | "binary/octet-stream" => Content::Text,
            _ => Content::Other(format!("a file of type {mime}")),
        }
    }

    /// A response without a usable type, by its first bytes.
    pub fn sniff(bytes: &[u8]) -> Content {
        let head = &bytes[..bytes.len().min(1024)];
        if head.starts_with(b"%PDF-") {
            return Content::Other("a PDF document".into());
        }
        for (magic, what) in [
            (&b"\x89PNG"[..], "an image (PNG)"),
            (b"\xff\xd8\xff", "an image (JPEG)"),
            (b"GIF8", "an image (GIF)"),
            (b"PK\x03\x04", "an archive or office document (ZIP)"),
        ] {
            if head.starts_with(magic) {
                return Content::Other(what.into());
            }
        }
        let text = String::from_utf8_lossy(head).to_ascii_lowercase();
        let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if start.starts_with("<!doctype html")
            || start.starts_with("<html")
            || start.starts_with("<head")
            || start.starts_with("<!--")
            || text.contains("<body")
            || text.contains("<p>")
        {
            Content::Html
        } else {
            Content::Text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_read_from_the_header_and_named_when_refused() {
        assert_eq!(
            Content::of_header("text/html; charset=UTF-8"),
            Content::Html
        );
        assert_eq!(Content::of_header("Text/Plain"), Content::Text);
        assert_eq!(
            Content::of_header("application/pdf"),
            Content::Other("a PDF document".into())
        );
        assert_eq!(
            Content::of_header("image/png"),
            Content::Other("an image (image/png)".into())
        );
    }

    #[test]
    fn a_response_without_a_type_is_told_by_its_bytes() {
        assert_eq!(
            Content::sniff(b"%PDF-1.7 ..."),
            Content::Other("a PDF document".into())
        );
        assert_eq!(Content::sniff(b"  <!DOCTYPE html><html>"), Content::Html);
        assert_eq!(Content::sniff(b"Just a line of text."), Content::Text);
    }
}
