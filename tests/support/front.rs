//! `Front`: a loopback server in front of a fake (usually `FakeInfisical`) that passes requests
//! through, except those it was told to break: it can fall silent, reset or cut the connection
//! mid-answer, trickle the body, truncate the JSON, answer like a proxy or an SSO gateway, or send
//! far too much. With `Front::tls` it speaks HTTPS with a test CA's certificate. Raw sockets, so
//! every fault is what a real network does.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::http::lock;
use super::tls::TestCa;

#[derive(Clone, Debug)]
pub enum Fault {
    /// Accept and read the request, then never answer (until the front is dropped).
    Silence,
    /// Reset the connection (RST) without answering, as a firewall might.
    ResetAtOnce,
    /// Send the real answer's headers and half its body, then reset the connection (RST).
    ResetMidBody,
    /// Send the real headers (full Content-Length) and half the body, then close (FIN).
    CutShort,
    /// Send the real answer one byte per second.
    SlowBody,
    /// A complete HTTP answer whose JSON body is the real one cut in half.
    TruncatedJson,
    /// This status with an HTML page, as nginx answers when its upstream is down.
    HtmlPage(u16),
    /// 200 with an HTML sign-in page, as an SSO gateway answers a request without its cookie.
    LoginPage,
    /// 200 JSON of another shape that still holds the real answer: `{"secrets": "<it, as a
    /// string>"}`, as a gateway that double-encodes would send. A decoder that quotes what it
    /// did not expect would quote secrets.
    WrongShape,
    /// The real answer labelled with this content type instead of JSON.
    ContentType(&'static str),
    /// 200 JSON of this many bytes (the real body with spaces inside its first `{`), sent without
    /// Content-Length, as a stream.
    Huge(u64),
    /// This status with a JSON body of our own.
    Status(u16, &'static str),
}

struct Rule {
    path_prefix: String,
    remaining: u32,
    fault: Fault,
}

struct Shared {
    upstream: String,
    rules: Mutex<Vec<Rule>>,
    /// `METHOD /path` of each request, in order.
    seen: Mutex<Vec<String>>,
    stopping: AtomicBool,
    tls: Option<Arc<rustls::ServerConfig>>,
}

/// See the module docs. Stops when dropped.
pub struct Front {
    shared: Arc<Shared>,
    port: u16,
    thread: Option<JoinHandle<()>>,
}

impl Front {
    /// Plain HTTP in front of `upstream` (`http://127.0.0.1:PORT`).
    pub fn plain(upstream: &str) -> Front {
        Front::start(upstream, None)
    }

    /// HTTPS with `ca`'s certificate for 127.0.0.1 and localhost, in front of `upstream`.
    pub fn tls(upstream: &str, ca: &TestCa) -> Front {
        Front::start(upstream, Some(ca.server_config()))
    }

    fn start(upstream: &str, tls: Option<Arc<rustls::ServerConfig>>) -> Front {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local addr").port();
        let upstream = upstream
            .strip_prefix("http://")
            .expect("the upstream is a plain http://127.0.0.1 fake")
            .trim_end_matches('/')
            .to_string();
        let shared = Arc::new(Shared {
            upstream,
            rules: Mutex::new(Vec::new()),
            seen: Mutex::new(Vec::new()),
            stopping: AtomicBool::new(false),
            tls,
        });
        let thread = {
            let shared = shared.clone();
            std::thread::Builder::new()
                .name("fault-front".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if shared.stopping.load(Ordering::SeqCst) {
                            return;
                        }
                        let Ok(stream) = stream else { continue };
                        let shared = shared.clone();
                        std::thread::spawn(move || serve(&shared, stream));
                    }
                })
                .expect("spawn front thread")
        };
        Front {
            shared,
            port,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        let scheme = if self.shared.tls.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://127.0.0.1:{}", self.port)
    }

    /// The next `times` requests whose path starts with `path_prefix` meet `fault`
    /// (`u32::MAX`: all of them). Rules apply in the order they were added.
    pub fn inject(&self, path_prefix: &str, times: u32, fault: Fault) {
        lock(&self.shared.rules).push(Rule {
            path_prefix: path_prefix.to_string(),
            remaining: times,
            fault,
        });
    }

    /// `METHOD /path` of every request that reached the front, in order.
    pub fn seen(&self) -> Vec<String> {
        lock(&self.shared.seen).clone()
    }
}

impl Drop for Front {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A stream the front can talk over: a TCP socket, or TLS over one.
trait Conn: Read + Write {
    fn tcp(&self) -> &TcpStream;
}

impl Conn for TcpStream {
    fn tcp(&self) -> &TcpStream {
        self
    }
}

impl Conn for rustls::StreamOwned<rustls::ServerConnection, TcpStream> {
    fn tcp(&self) -> &TcpStream {
        &self.sock
    }
}

fn serve(shared: &Shared, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    match &shared.tls {
        None => {
            // Peeked, not read: a reset must leave unread bytes behind (see `reset`).
            let Some(head) = peek_head(&stream) else {
                return;
            };
            let fault = next_fault(shared, &head);
            match fault {
                Some(Fault::ResetMidBody) => return reset(shared, stream, &head),
                // Closing with the request unread makes the kernel send RST.
                Some(Fault::ResetAtOnce) => return drop(stream),
                _ => {}
            }
            let mut stream = stream;
            let Some(request) = read_request(&mut stream) else {
                return;
            };
            answer(shared, &mut stream, &request, fault);
        }
        Some(config) => {
            let Ok(connection) = rustls::ServerConnection::new(config.clone()) else {
                return;
            };
            // A client that does not trust our CA ends the handshake here: that is its job.
            let mut stream = rustls::StreamOwned::new(connection, stream);
            let Some(request) = read_request(&mut stream) else {
                return;
            };
            let fault = next_fault(shared, &request);
            answer(shared, &mut stream, &request, fault);
        }
    }
}

/// Records the request and takes the first matching rule's fault, if any.
fn next_fault(shared: &Shared, request: &[u8]) -> Option<Fault> {
    let line = request_line(request);
    lock(&shared.seen).push(line.clone());
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let mut rules = lock(&shared.rules);
    let rule = rules
        .iter_mut()
        .find(|r| r.remaining > 0 && path.starts_with(&r.path_prefix))?;
    rule.remaining = rule.remaining.saturating_sub(1);
    Some(rule.fault.clone())
}

fn answer(shared: &Shared, stream: &mut impl Conn, request: &[u8], fault: Option<Fault>) {
    let Some(fault) = fault else {
        if let Some(real) = forward(shared, request) {
            let _ = write_answer(stream, real.status, &real.headers, &real.body);
        }
        return;
    };
    match fault {
        Fault::Silence => {
            while !shared.stopping.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        // Plain connections reset in `reset`; over TLS, a close without close_notify is the nearest.
        Fault::CutShort | Fault::ResetMidBody | Fault::ResetAtOnce => {
            let Some(real) = forward(shared, request) else {
                return;
            };
            let head = head_bytes(real.status, &real.headers, Some(real.body.len() as u64));
            let _ = stream.write_all(&head);
            let _ = stream.write_all(&real.body[..real.body.len() / 2]);
            let _ = stream.flush();
            let _ = stream.tcp().shutdown(Shutdown::Both);
        }
        Fault::SlowBody => {
            let Some(real) = forward(shared, request) else {
                return;
            };
            let head = head_bytes(real.status, &real.headers, Some(real.body.len() as u64));
            if stream.write_all(&head).is_err() {
                return;
            }
            for byte in &real.body {
                if shared.stopping.load(Ordering::SeqCst)
                    || stream.write_all(&[*byte]).is_err()
                    || stream.flush().is_err()
                {
                    return;
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        }
        Fault::TruncatedJson => {
            let Some(real) = forward(shared, request) else {
                return;
            };
            let half = &real.body[..real.body.len() / 2];
            let _ = write_answer(stream, real.status, &real.headers, half);
        }
        Fault::HtmlPage(status) => {
            let page = format!(
                "<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n\
                 <center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n\
                 </body>\r\n</html>\r\n"
            );
            let headers = vec![("Content-Type".into(), "text/html".into())];
            let _ = write_answer(stream, status, &headers, page.as_bytes());
        }
        Fault::LoginPage => {
            let page = "<!DOCTYPE html><html><head><title>Sign in - Access Gateway</title></head>\
                        <body><form method=post><input name=user></form></body></html>";
            let headers = vec![("Content-Type".into(), "text/html; charset=utf-8".into())];
            let _ = write_answer(stream, 200, &headers, page.as_bytes());
        }
        Fault::WrongShape => {
            let Some(real) = forward(shared, request) else {
                return;
            };
            let inner = String::from_utf8_lossy(&real.body).into_owned();
            let body = serde_json::json!({ "secrets": inner, "imports": [] }).to_string();
            let _ = write_answer(stream, 200, &real.headers, body.as_bytes());
        }
        Fault::ContentType(content_type) => {
            let Some(mut real) = forward(shared, request) else {
                return;
            };
            real.headers
                .retain(|(n, _)| !n.eq_ignore_ascii_case("content-type"));
            real.headers
                .push(("Content-Type".into(), content_type.into()));
            let _ = write_answer(stream, real.status, &real.headers, &real.body);
        }
        Fault::Huge(size) => {
            let Some(real) = forward(shared, request) else {
                return;
            };
            let head = head_bytes(200, &real.headers, None);
            if stream.write_all(&head).is_err() || stream.write_all(b"{").is_err() {
                return;
            }
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0u64;
            while sent < size && !shared.stopping.load(Ordering::SeqCst) {
                // The client stops reading at its cap and hangs up: that ends the stream here.
                if stream.write_all(&chunk).is_err() {
                    return;
                }
                sent += chunk.len() as u64;
            }
            let _ = stream.write_all(&real.body[1..]);
        }
        Fault::Status(status, body) => {
            let headers = vec![("Content-Type".into(), "application/json".into())];
            let _ = write_answer(stream, status, &headers, body.as_bytes());
        }
    }
}

/// Headers and half the body of the real answer, then a close with the request still unread in
/// our socket, which makes the kernel send RST instead of FIN.
fn reset(shared: &Shared, mut stream: TcpStream, head: &[u8]) {
    let mut request = head.to_vec();
    if let Some(length) = content_length(head) {
        // The body may arrive after the head: peek until all of it is there.
        let mut buffer = vec![0u8; head.len() + length];
        for _ in 0..200 {
            match stream.peek(&mut buffer) {
                Ok(n) if n == buffer.len() => break,
                Ok(_) => std::thread::sleep(Duration::from_millis(10)),
                Err(_) => return,
            }
        }
        request = buffer;
    }
    let Some(real) = forward(shared, &request) else {
        return;
    };
    let head = head_bytes(real.status, &real.headers, Some(real.body.len() as u64));
    let _ = stream.write_all(&head);
    let _ = stream.write_all(&real.body[..real.body.len() / 2]);
    let _ = stream.flush();
    // Let the client read what was sent, so the reset comes mid-body and not before the headers.
    std::thread::sleep(Duration::from_millis(200));
    drop(stream);
}

struct RealAnswer {
    status: u16,
    /// Without Content-Length, Connection and Transfer-Encoding: the front sets its own.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Sends the request to the upstream fake over a fresh connection and reads its whole answer.
fn forward(shared: &Shared, request: &[u8]) -> Option<RealAnswer> {
    let mut upstream = TcpStream::connect(&shared.upstream).ok()?;
    upstream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let split = find(request, b"\r\n\r\n")? + 4;
    let (head, body) = request.split_at(split);
    let head = String::from_utf8_lossy(head);
    let mut out = String::new();
    for line in head.split("\r\n").filter(|l| !l.is_empty()) {
        if !line.to_ascii_lowercase().starts_with("connection:") {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    out.push_str("Connection: close\r\n\r\n");
    upstream.write_all(out.as_bytes()).ok()?;
    upstream.write_all(body).ok()?;
    let mut raw = Vec::new();
    upstream.read_to_end(&mut raw).ok()?;
    let split = find(&raw, b"\r\n\r\n")? + 4;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .filter(|(n, _)| {
            let n = n.to_ascii_lowercase();
            n != "content-length" && n != "connection" && n != "transfer-encoding"
        })
        .collect();
    Some(RealAnswer {
        status,
        headers,
        body: raw[split..].to_vec(),
    })
}

fn write_answer(
    stream: &mut impl Conn,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> std::io::Result<()> {
    stream.write_all(&head_bytes(status, headers, Some(body.len() as u64)))?;
    stream.write_all(body)?;
    stream.flush()
}

fn head_bytes(status: u16, headers: &[(String, String)], length: Option<u64>) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status} Fault Front\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(length) = length {
        head.push_str(&format!("Content-Length: {length}\r\n"));
    }
    head.push_str("Connection: close\r\n\r\n");
    head.into_bytes()
}

/// The request head as far as the blank line, without consuming it from the socket.
fn peek_head(stream: &TcpStream) -> Option<Vec<u8>> {
    let mut buffer = vec![0u8; 64 * 1024];
    for _ in 0..200 {
        let n = stream.peek(&mut buffer).ok()?;
        if n == 0 {
            return None;
        }
        if let Some(end) = find(&buffer[..n], b"\r\n\r\n") {
            return Some(buffer[..end + 4].to_vec());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

/// The whole request: head, then a Content-Length body.
fn read_request(stream: &mut impl Read) -> Option<Vec<u8>> {
    let mut request = Vec::new();
    let mut byte = [0u8; 1];
    while !request.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 || request.len() > 64 * 1024 {
            return None;
        }
        request.push(byte[0]);
    }
    if let Some(length) = content_length(&request) {
        let mut body = vec![0u8; length];
        stream.read_exact(&mut body).ok()?;
        request.extend_from_slice(&body);
    }
    Some(request)
}

fn content_length(head: &[u8]) -> Option<usize> {
    String::from_utf8_lossy(head)
        .split("\r\n")
        .filter_map(|l| l.split_once(':'))
        .find(|(n, _)| n.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse().ok())
}

fn request_line(request: &[u8]) -> String {
    let text = String::from_utf8_lossy(request);
    let line = text.split("\r\n").next().unwrap_or_default();
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or_default();
    let path = target.split('?').next().unwrap_or_default();
    format!("{method} {path}")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
