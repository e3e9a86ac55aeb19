//! A tiny loopback HTTP server run on a background thread: records every
//! request, hands it to a handler and writes the handler's JSON reply.
//! Both fakes are built on it.

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use serde_json::Value;

use super::util;

/// One request as the fake saw it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Path without the query string, as sent (not percent-decoded).
    pub path: String,
    /// Query pairs, url-decoded, in order (duplicates kept).
    pub query: Vec<(String, String)>,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The raw request target (`/path?query`), as sent.
    pub url: String,
    /// The client's address: one port per TCP connection, so connections can be counted.
    pub peer: Option<std::net::SocketAddr>,
}

impl Recorded {
    /// First header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// First query parameter with this (decoded) name.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_str(&self.body).ok()
    }

    fn from_request(request: &mut tiny_http::Request) -> Recorded {
        let url = request.url().to_string();
        let peer = request.remote_addr().copied();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let mut body = Vec::new();
        // A body that cannot be read is recorded as what was read so far.
        let _ = request.as_reader().read_to_end(&mut body);
        Recorded {
            method: request.method().as_str().to_ascii_uppercase(),
            path: path.to_string(),
            query: util::parse_query(query),
            headers: request
                .headers()
                .iter()
                .map(|h| {
                    let name = h.field.as_str().as_str().to_ascii_lowercase();
                    (name, h.value.as_str().to_string())
                })
                .collect(),
            body: String::from_utf8_lossy(&body).into_owned(),
            url,
            peer,
        }
    }
}

/// What a handler answers: a status, extra headers and a JSON body (or raw bytes).
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
    /// Sent instead of `body` when set: a file download.
    pub bytes: Option<Vec<u8>>,
}

impl Reply {
    pub fn new(status: u16, body: Value) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body,
            bytes: None,
        }
    }

    /// A file download: `application/octet-stream`, these bytes.
    pub fn file(bytes: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            headers: vec![(
                "Content-Type".to_string(),
                "application/octet-stream".to_string(),
            )],
            body: Value::Null,
            bytes: Some(bytes),
        }
    }

    pub fn ok(body: Value) -> Reply {
        Reply::new(200, body)
    }

    pub fn with_status(mut self, status: u16) -> Reply {
        self.status = status;
        self
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

/// Locks a mutex even if a handler panicked while holding it: a fake must
/// keep answering so the test fails on its assertion, not on a hang.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The running server. Dropping it stops the thread and frees the port.
pub struct HttpServer {
    server: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    requests: Arc<Mutex<Vec<Recorded>>>,
    port: u16,
}

/// Room for hundreds of connections arriving at once (the fleet benchmark starts 500 jobs in
/// the same millisecond). The standard library listens with a backlog of 128: beyond it Linux
/// drops the SYN, and the client's kernel sends it again 1, 3, 7, 15 and 31 s later, so the
/// start of a fleet came back as waves of late first requests that looked like a retry herd.
#[cfg(unix)]
fn deepen_backlog(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    // SAFETY: listen(2) on a socket this function borrows; a second listen only resizes the
    // queue (capped by net.core.somaxconn), and on failure the old queue stays.
    unsafe {
        libc::listen(listener.as_raw_fd(), 4096);
    }
}

/// Elsewhere the standard library's backlog stays: the fleet benchmark is measured on Linux.
#[cfg(not(unix))]
fn deepen_backlog(_: &std::net::TcpListener) {}

impl HttpServer {
    /// Binds 127.0.0.1 on a free port and serves `handler` from a thread.
    pub fn start<H>(name: &str, handler: H) -> HttpServer
    where
        H: Fn(&Recorded) -> Reply + Send + 'static,
    {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        deepen_backlog(&listener);
        let server =
            Arc::new(tiny_http::Server::from_listener(listener, None).expect("serve on 127.0.0.1"));
        let port = server
            .server_addr()
            .to_ip()
            .expect("fake server listens on an IP address")
            .port();
        let stopping = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (server, stopping, requests) = (server.clone(), stopping.clone(), requests.clone());
            std::thread::Builder::new()
                .name(format!("fake-{name}"))
                .spawn(move || serve(&server, &stopping, &requests, &handler))
                .expect("spawn fake server thread")
        };
        HttpServer {
            server,
            stopping,
            thread: Some(thread),
            requests,
            port,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.requests).clone()
    }
}

impl Drop for HttpServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve<H>(
    server: &tiny_http::Server,
    stopping: &AtomicBool,
    requests: &Mutex<Vec<Recorded>>,
    handler: &H,
) where
    H: Fn(&Recorded) -> Reply,
{
    loop {
        let mut request = match server.recv() {
            Ok(request) => request,
            // `recv` fails both when unblocked by Drop and on accept errors;
            // only the former ends the loop.
            Err(_) if stopping.load(Ordering::SeqCst) => return,
            Err(_) => continue,
        };
        let recorded = Recorded::from_request(&mut request);
        lock(requests).push(recorded.clone());
        let reply = catch_unwind(AssertUnwindSafe(|| handler(&recorded))).unwrap_or_else(|_| {
            Reply::new(
                500,
                serde_json::json!({"message": "fake server handler panicked", "error": "FakePanic"}),
            )
        });
        respond(request, &reply);
    }
}

/// Writes the whole response with one write, as a real server with TCP_NODELAY behaves. tiny_http
/// writes status line, headers and body separately through a 1 KiB buffer on a Nagle socket,
/// which stalls keep-alive clients for the 40 ms of a delayed ACK and made timings meaningless.
fn respond(request: tiny_http::Request, reply: &Reply) {
    let (body, content_type) = match &reply.bytes {
        Some(bytes) => (bytes.clone(), None),
        None => (
            serde_json::to_vec(&reply.body).unwrap_or_default(),
            Some("application/json; charset=utf-8"),
        ),
    };
    let reason = tiny_http::StatusCode(reply.status).default_reason_phrase();
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Length: {}\r\n",
        reply.status,
        body.len()
    );
    if let Some(content_type) = content_type {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    for (name, value) in &reply.headers {
        // Header text comes from test code; one that could split the response is skipped.
        if !name.contains(['\r', '\n', ':']) && !value.contains(['\r', '\n']) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&body);
    let mut writer = request.into_writer();
    // The client may have gone away; that is its business.
    let _ = writer.write_all(&bytes).and_then(|()| writer.flush());
}
