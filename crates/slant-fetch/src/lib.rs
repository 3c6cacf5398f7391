//! Articles from a web address: the page fetched over HTTP(S), bounded in time and size, decoded
//! to text, and handed to the same import as a saved file (`slant_core::import`). Its own crate
//! so that the core stays free of networking and the app and the CLI share one fetcher.

mod charset;
mod content;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::time::Duration;

use slant_core::import::{Format, ImportError, ImportedText, import_bytes};
use ureq::ResponseExt;

pub use content::Content;

/// How long and how much a fetch may take.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub connect: Duration,
    /// The whole call: name lookup, connection, redirects and the body.
    pub whole: Duration,
    pub max_redirects: u32,
    /// Bytes of the page after decompression; checked while it streams in.
    pub max_bytes: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        connect: Duration::from_secs(10),
        whole: Duration::from_secs(30),
        max_redirects: 5,
        max_bytes: slant_core::import::MAX_ARTICLE_BYTES,
    };
}

/// What a fetch brought back: the page as UTF-8 text, and where it ended up after redirects.
#[derive(Debug)]
pub struct Fetched {
    /// The address after redirects: what the article's URL is.
    pub url: String,
    pub text: String,
    pub format: Format,
}

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{0:?} is not a web address (it should start with http:// or https://)")]
    NotAWebAddress(String),
    #[error(
        "{url}: cannot find the server {host}; check the address, or whether this computer is offline"
    )]
    HostNotFound { url: String, host: String },
    #[error("{url}: cannot connect to the server; check whether this computer is online")]
    CannotConnect { url: String },
    /// `arriving`: the page had started to come, too slowly to finish in time; else the
    /// server never answered.
    #[error("{url}: {}", timeout_text(*arriving, *seconds))]
    Timeout {
        url: String,
        seconds: u64,
        arriving: bool,
    },
    #[error("{url}: the server answered {status} ({reason}), not the page")]
    Status {
        url: String,
        status: u16,
        reason: String,
    },
    #[error("{url}: more than {max} redirects; the address leads nowhere")]
    TooManyRedirects { url: String, max: u32 },
    #[error("{url}: the page is more than {} MB; is it an article?", max / 1_000_000)]
    TooLarge { url: String, max: u64 },
    #[error(
        "{url}: this address gives {what}, not a web page or text; save the article as a web page and open that"
    )]
    NotAPage { url: String, what: String },
    #[error("{url}: the secure connection failed ({detail})")]
    Tls { url: String, detail: String },
    #[error("{url}: {detail}")]
    Other { url: String, detail: String },
    #[error("cancelled")]
    Cancelled,
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// What a timeout says: a page still arriving was being sent, not ignored (a new user watched
/// 24 KB come in and was told the server did not answer).
fn timeout_text(arriving: bool, seconds: u64) -> String {
    if arriving {
        format!(
            "the page was still arriving after {seconds} seconds, too slowly to wait for; try again later, or save the page from a browser and open that"
        )
    } else {
        format!("the server did not answer within {seconds} seconds")
    }
}

/// `http://…` or `https://…`: what `slant new/add` and the app take as a web address rather
/// than a file name.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.trim().get(..8).unwrap_or("").to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What an article from `url` is called until it has a title: the last part of its address
/// that names it (`https://news.example/2025/11/library-vote.html` → `library-vote`), passing
/// over the names every page of a site has (`…/library-vote/index.html`).
pub fn article_name(url: &str) -> String {
    const GENERIC: &[&str] = &[
        "index", "default", "article", "story", "source", "content", "amp", "print", "page",
        "home", "main",
    ];
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let stem = |segment: &'_ str| -> String {
        segment
            .rsplit_once('.')
            .map_or(segment, |(stem, _)| stem)
            .to_owned()
    };
    // The host is the first part: a name of last resort.
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    parts
        .iter()
        .skip(1)
        .rev()
        .map(|p| stem(p))
        .find(|s| !s.is_empty() && !GENERIC.contains(&s.to_ascii_lowercase().as_str()))
        .or_else(|| parts.first().map(|p| p.to_string()))
        .unwrap_or_else(|| path.to_owned())
}

/// Fetches `url` and imports it as an article, with the final address as its URL.
/// `progress(received, expected)` is called as the body streams in; returning `false` cancels.
pub fn import_url(
    url: &str,
    limits: Limits,
    progress: impl FnMut(u64, Option<u64>) -> bool,
) -> Result<ImportedText, FetchError> {
    let fetched = fetch(url, limits, progress)?;
    let mut imported = import_bytes(
        fetched.text.as_bytes(),
        fetched.format,
        Path::new(&fetched.url),
    )?;
    // A page that states no date may have one in its address (`/2015/03/18/`).
    if imported.published.is_none() {
        imported.published = slant_core::import::html::date_in_address(&fetched.url);
    }
    imported.url = Some(fetched.url);
    Ok(imported)
}

/// Fetches `url`: redirects followed, the body decompressed and capped while it streams, its
/// type checked, its characters decoded.
pub fn fetch(
    url: &str,
    limits: Limits,
    mut progress: impl FnMut(u64, Option<u64>) -> bool,
) -> Result<Fetched, FetchError> {
    let url = url.trim();
    if !is_web_address(url) {
        return Err(FetchError::NotAWebAddress(url.to_owned()));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect))
        .timeout_global(Some(limits.whole))
        .max_redirects(limits.max_redirects)
        .http_status_as_error(false)
        .accept_encoding("gzip, deflate, br")
        .accept("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
        .user_agent(concat!(
            "Slant/",
            env!("CARGO_PKG_VERSION"),
            " (article import)"
        ))
        .build()
        .into();
    let response = agent
        .get(url)
        .call()
        .map_err(|e| describe(e, url, &limits))?;
    let final_url = response.get_uri().to_string();
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: final_url,
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("error").to_owned(),
        });
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header("content-type");
    let deflate =
        header("content-encoding").is_some_and(|e| e.trim().eq_ignore_ascii_case("deflate"));
    let expected = header("content-length")
        .and_then(|n| n.trim().parse::<u64>().ok())
        .filter(|_| header("content-encoding").is_none());
    let declared = content_type.as_deref().map(Content::of_header);
    if let Some(Content::Other(what)) = &declared {
        return Err(FetchError::NotAPage {
            url: final_url,
            what: what.clone(),
        });
    }
    let reader = response.into_body().into_reader();
    let mut reader: Box<dyn Read> = if deflate {
        deflate_reader(reader)
    } else {
        Box::new(reader)
    };
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(describe_io(e, &final_url, &limits)),
        };
        if bytes.len() as u64 + n as u64 > limits.max_bytes {
            return Err(FetchError::TooLarge {
                url: final_url,
                max: limits.max_bytes,
            });
        }
        bytes.extend_from_slice(&chunk[..n]);
        if !progress(bytes.len() as u64, expected) {
            return Err(FetchError::Cancelled);
        }
    }
    let content = match declared {
        Some(content) => content,
        None => Content::sniff(&bytes),
    };
    let format = match content {
        Content::Html => Format::Html,
        Content::Text => Format::PlainText,
        Content::Markdown => Format::Markdown,
        Content::Other(what) => {
            return Err(FetchError::NotAPage {
                url: final_url,
                what,
            });
        }
    };
    let text = charset::decode(&bytes, content_type.as_deref(), format == Format::Html);
    Ok(Fetched {
        url: final_url,
        text,
        format,
    })
}

/// `Content-Encoding: deflate` is a zlib stream by the standard, a bare deflate stream from some
/// servers: the first two bytes tell them apart.
fn deflate_reader(reader: impl Read + 'static) -> Box<dyn Read> {
    let mut reader = BufReader::new(reader);
    let zlib = reader
        .fill_buf()
        .ok()
        .filter(|head| head.len() >= 2)
        .is_some_and(|head| {
            head[0] & 0x0f == 8 && (u16::from(head[0]) << 8 | u16::from(head[1])) % 31 == 0
        });
    if zlib {
        Box::new(flate2::bufread::ZlibDecoder::new(reader))
    } else {
        Box::new(flate2::bufread::DeflateDecoder::new(reader))
    }
}

/// Whether the address's host has an address at all (an IP address always does).
fn resolves(url: &str) -> bool {
    use std::net::ToSocketAddrs;
    let host = host_of(url);
    let with_port = if host
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        host
    } else if url.starts_with("https:") {
        format!("{host}:443")
    } else {
        format!("{host}:80")
    };
    with_port
        .to_socket_addrs()
        .is_ok_and(|mut addrs| addrs.next().is_some())
}

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .rsplit('@')
        .next()
        .unwrap_or(rest)
        .to_owned()
}

fn describe(error: ureq::Error, url: &str, limits: &Limits) -> FetchError {
    let url = url.to_owned();
    match error {
        ureq::Error::HostNotFound => FetchError::HostNotFound {
            host: host_of(&url),
            url,
        },
        ureq::Error::ConnectionFailed => FetchError::CannotConnect { url },
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url,
            seconds: limits.whole.as_secs().max(1),
            arriving: false,
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url,
            max: limits.max_redirects,
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            max: limits.max_bytes,
        },
        ureq::Error::Io(e) => describe_io(e, &url, limits),
        ureq::Error::Tls(detail) => FetchError::Tls {
            url,
            detail: detail.to_owned(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url,
            detail: e.to_string(),
        },
        ureq::Error::BadUri(detail) => FetchError::Other {
            url,
            detail: format!("not a usable address ({detail})"),
        },
        // Characters no address can hold (`http://   ###`).
        ureq::Error::Http(e) => FetchError::Other {
            url,
            detail: format!("not a usable address ({e})"),
        },
        other => FetchError::Other {
            url,
            detail: other.to_string(),
        },
    }
}

fn describe_io(error: std::io::Error, url: &str, limits: &Limits) -> FetchError {
    use std::io::ErrorKind;
    let url = url.to_owned();
    // ureq reports its own errors met while reading the body wrapped in an io::Error.
    if let Some(inner) = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<ureq::Error>())
    {
        return match inner {
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url,
                seconds: limits.whole.as_secs().max(1),
                arriving: true,
            },
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                url,
                max: limits.max_bytes,
            },
            other => FetchError::Other {
                url,
                detail: other.to_string(),
            },
        };
    }
    match error.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout {
            url,
            seconds: limits.whole.as_secs().max(1),
            arriving: true,
        },
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionReset | ErrorKind::NotConnected => {
            FetchError::CannotConnect { url }
        }
        // The system's name lookup fails with an error of no stable kind ("failed to lookup
        // address information"): asked again, a host that has no address is not found.
        _ if !resolves(&url) => FetchError::HostNotFound {
            host: host_of(&url),
            url,
        },
        _ => FetchError::Other {
            url,
            detail: format!("the page could not be read ({error})"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::article_name;

    #[test]
    fn an_article_is_named_from_the_part_of_its_address_that_names_it() {
        for (url, name) in [
            (
                "https://news.example/2025/11/library-vote.html",
                "library-vote",
            ),
            (
                "https://www.cnn.com/2023/11/06/politics/alito-prelogar-analysis/index.html",
                "alito-prelogar-analysis",
            ),
            ("https://example.org/story/", "example.org"),
            ("https://example.org/", "example.org"),
            ("http://127.0.0.1:8765/bbc-1/source.html?x=1", "bbc-1"),
        ] {
            assert_eq!(article_name(url), name, "{url}");
        }
    }
}
