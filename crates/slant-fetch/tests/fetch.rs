//! Fetching against a local HTTP server started by each test on 127.0.0.1 (no outside network):
//! redirects, a server that never answers, an endless body, errors, wrong types, compression and
//! a Windows-1252 page.

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use slant_fetch::{FetchError, Limits, fetch, import_url};
use test_server::{nothing_listening, reply, serve};

const STORY: &str = "<html><head><title>Council Closes the Library | The Ledger</title></head><body><article>\
    <h1>Council Closes the Library</h1>\
    <p>The council voted on Tuesday to close the library on Elm Street after ninety years of service to the town.</p>\
    <p>Residents who spoke at the meeting said the building was the only warm place many of them could go in winter.</p>\
    <p>The mayor said the decision was about money and that a smaller branch would open in the town hall next spring.</p>\
    </article></body></html>";

fn quick() -> Limits {
    Limits {
        connect: Duration::from_secs(2),
        whole: Duration::from_secs(2),
        ..Limits::DEFAULT
    }
}

fn site(path: &str, stream: &mut TcpStream) {
    if let Some(n) = path.strip_prefix("/hop/") {
        let n: u32 = n.parse().unwrap();
        let next = if n == 0 {
            "/story".to_owned()
        } else {
            format!("/hop/{}", n - 1)
        };
        return reply(stream, "302 Found", &[("Location", &next)], b"");
    }
    match path {
        "/story" | "/world/2015/03/18/story.html" => reply(
            stream,
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            STORY.as_bytes(),
        ),
        "/slow" => std::thread::sleep(Duration::from_secs(10)),
        "/trickle" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>");
            for _ in 0..40 {
                if stream.write_all(b"word ").is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(250));
            }
        }
        "/endless" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>");
            let chunk = "<p>More and more and more text that never ends.</p>".repeat(1000);
            while stream.write_all(chunk.as_bytes()).is_ok() {}
        }
        "/paper.pdf" => reply(
            stream,
            "200 OK",
            &[("Content-Type", "application/pdf")],
            b"%PDF-1.7\n...",
        ),
        "/photo" => reply(stream, "200 OK", &[], b"\x89PNG\r\n\x1a\n...."),
        "/gzip" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(STORY.as_bytes()).unwrap();
            let body = gz.finish().unwrap();
            reply(
                stream,
                "200 OK",
                &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                &body,
            );
        }
        "/deflate" => {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            z.write_all(STORY.as_bytes()).unwrap();
            let body = z.finish().unwrap();
            reply(
                stream,
                "200 OK",
                &[
                    ("Content-Type", "text/html"),
                    ("Content-Encoding", "deflate"),
                ],
                &body,
            );
        }
        "/cp1252" => {
            let page = b"<html><body><article><h1>Caf\xe9 owners protest</h1><p>The owners of the caf\xe9 on Main Street said the new rules would \x93ruin\x94 them.</p><p>The council said the rules would apply from March and that it had consulted every owner in the town.</p></article></body></html>";
            reply(
                stream,
                "200 OK",
                &[("Content-Type", "text/html; charset=windows-1252")],
                page,
            );
        }
        _ => reply(
            stream,
            "404 Not Found",
            &[("Content-Type", "text/html")],
            b"<h1>Not here</h1>",
        ),
    }
}

#[test]
fn redirects_are_followed_and_the_final_address_is_the_articles() {
    let base = serve(site);
    let article = import_url(&format!("{base}/hop/3"), quick(), |_, _| true).unwrap();
    assert_eq!(
        article.url.as_deref(),
        Some(format!("{base}/story").as_str())
    );
    assert_eq!(
        article.headline.as_deref(),
        Some("Council Closes the Library")
    );
    assert!(article.text.contains("ninety years"));
}

#[test]
fn a_page_with_no_date_is_dated_by_its_address() {
    let base = serve(site);
    let dated = import_url(
        &format!("{base}/world/2015/03/18/story.html"),
        quick(),
        |_, _| true,
    )
    .unwrap();
    assert_eq!(
        dated.published.map(|d| d.to_string()).as_deref(),
        Some("2015-03-18")
    );
    let undated = import_url(&format!("{base}/story"), quick(), |_, _| true).unwrap();
    assert_eq!(undated.published, None);
}

#[test]
fn more_than_five_redirects_are_refused() {
    let base = serve(site);
    let err = fetch(&format!("{base}/hop/9"), quick(), |_, _| true).unwrap_err();
    assert!(
        matches!(err, FetchError::TooManyRedirects { max: 5, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("more than 5 redirects"), "{err}");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let base = serve(site);
    let started = std::time::Instant::now();
    let err = fetch(&format!("{base}/slow"), quick(), |_, _| true).unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(8));
    assert!(err.to_string().contains("did not answer"), "{err}");
}

/// A page that comes, but too slowly, is said to be arriving, not a server that never answered;
/// an address with characters no address holds says so.
#[test]
fn a_page_that_trickles_in_is_said_to_be_arriving() {
    let base = serve(site);
    let err = fetch(&format!("{base}/trickle"), quick(), |_, _| true).unwrap_err();
    assert!(
        matches!(err, FetchError::Timeout { arriving: true, .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("still arriving after 2 seconds"),
        "{err}"
    );
    let err = fetch("http://   ###", quick(), |_, _| true).unwrap_err();
    assert!(err.to_string().contains("not a usable address"), "{err}");
}

#[test]
fn an_endless_body_stops_at_the_cap() {
    let base = serve(site);
    let limits = Limits {
        max_bytes: 1_000_000,
        whole: Duration::from_secs(20),
        ..quick()
    };
    let mut seen = 0;
    let err = fetch(&format!("{base}/endless"), limits, |n, _| {
        seen = n;
        true
    })
    .unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err}");
    assert!(seen <= 1_000_000, "read {seen} bytes past the cap");
}

#[test]
fn cancelling_stops_the_fetch() {
    let base = serve(site);
    let limits = Limits {
        whole: Duration::from_secs(20),
        ..quick()
    };
    let err = fetch(&format!("{base}/endless"), limits, |n, _| n < 200_000).unwrap_err();
    assert!(matches!(err, FetchError::Cancelled), "{err}");
}

#[test]
fn a_missing_page_says_what_the_server_answered() {
    let base = serve(site);
    let err = fetch(&format!("{base}/gone"), quick(), |_, _| true).unwrap_err();
    assert!(
        matches!(err, FetchError::Status { status: 404, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("404 (Not Found)"), "{err}");
}

#[test]
fn a_pdf_or_an_image_is_refused_saying_what_it_is() {
    let base = serve(site);
    let err = fetch(&format!("{base}/paper.pdf"), quick(), |_, _| true).unwrap_err();
    assert!(err.to_string().contains("a PDF document"), "{err}");
    let err = fetch(&format!("{base}/photo"), quick(), |_, _| true).unwrap_err();
    assert!(err.to_string().contains("an image (PNG)"), "{err}");
}

#[test]
fn compressed_pages_are_decoded() {
    let base = serve(site);
    for path in ["/gzip", "/deflate"] {
        let page = fetch(&format!("{base}{path}"), quick(), |_, _| true).unwrap();
        assert_eq!(page.text, STORY, "{path}");
    }
}

#[test]
fn a_windows_1252_page_reads_as_written() {
    let base = serve(site);
    let article = import_url(&format!("{base}/cp1252"), quick(), |_, _| true).unwrap();
    assert!(
        article.text.contains("café on Main Street"),
        "{}",
        article.text
    );
    assert!(article.text.contains("“ruin”"), "{}", article.text);
}

#[test]
fn nothing_listening_is_a_clear_message() {
    let err = fetch(&format!("{}/", nothing_listening()), quick(), |_, _| true).unwrap_err();
    assert!(matches!(err, FetchError::CannotConnect { .. }), "{err}");
    assert!(err.to_string().contains("online"), "{err}");
}

#[test]
fn a_host_that_does_not_exist_is_not_found() {
    // `.invalid` never resolves (RFC 6761), with or without a network.
    let err = fetch("http://no-such-host.invalid/story.html", quick(), |_, _| {
        true
    })
    .unwrap_err();
    assert!(matches!(err, FetchError::HostNotFound { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("cannot find the server no-such-host.invalid"),
        "{message}"
    );
    assert!(!message.contains("lookup address"), "{message}");
}

#[test]
fn only_web_addresses_are_fetched() {
    assert!(slant_fetch::is_web_address("https://example.org/a"));
    assert!(slant_fetch::is_web_address("HTTP://example.org"));
    assert!(!slant_fetch::is_web_address("notes/article.html"));
    assert!(matches!(
        fetch("file:///etc/passwd", quick(), |_, _| true),
        Err(FetchError::NotAWebAddress(_))
    ));
}
