//! A tiny loopback HTTP/1.1 server: records every request, hands it to a handler on one
//! thread and writes the handler's JSON reply. Every fake but the front and the proxy is
//! built on it.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

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

    fn from_parts(head: Head, body: Vec<u8>, peer: std::net::SocketAddr) -> Recorded {
        let url = head.target;
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        Recorded {
            method: head.method.to_ascii_uppercase(),
            path: path.to_string(),
            query: util::parse_query(query),
            headers: head.headers,
            body: String::from_utf8_lossy(&body).into_owned(),
            peer: Some(peer),
            url,
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

/// The running server. Dropping it stops its threads, closes its connections and frees the port.
pub struct HttpServer {
    stopping: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    serve: Option<JoinHandle<()>>,
    /// Every open connection, to close them on drop: a client's idle keep-alive connection
    /// must not keep a thread of a stopped fake blocked.
    open: Arc<Mutex<HashMap<u64, TcpStream>>>,
    requests: Arc<Mutex<Vec<Recorded>>>,
    port: u16,
}

/// Room for hundreds of connections arriving at once (the fleet benchmark starts 500 jobs in
/// the same millisecond). The standard library listens with a backlog of 128: beyond it Linux
/// drops the SYN, and the client's kernel sends it again 1, 3, 7, 15 and 31 s later, so the
/// start of a fleet came back as waves of late first requests that looked like a retry herd.
#[cfg(unix)]
fn deepen_backlog(listener: &TcpListener) {
    use std::os::fd::AsRawFd;
    // SAFETY: listen(2) on a socket this function borrows; a second listen only resizes the
    // queue (capped by net.core.somaxconn), and on failure the old queue stays.
    unsafe {
        libc::listen(listener.as_raw_fd(), 4096);
    }
}

/// Elsewhere the standard library's backlog stays: the fleet benchmark is measured on Linux.
#[cfg(not(unix))]
fn deepen_backlog(_: &TcpListener) {}

/// A request handed from a connection's thread to the handler's, with the way back.
type Job = (Recorded, mpsc::Sender<Reply>);

/// A connection idle this long is closed: every loop here ends, even for a client that
/// neither speaks nor hangs up. Far longer than any test keeps a connection idle.
const IDLE: Duration = Duration::from_secs(300);

/// Bounds on a request head, so that garbage cannot keep a connection's thread reading.
const MAX_LINE: u64 = 64 * 1024;
const MAX_HEADERS: usize = 200;

impl HttpServer {
    /// Binds 127.0.0.1 on a free port and serves `handler` from a thread.
    ///
    /// One thread per connection reads requests and one thread runs the handler, in arrival
    /// order, as a single-threaded server would. Not tiny_http's server: its pool queues a new
    /// connection behind busy threads whenever it counts an idle one that another connection
    /// has already claimed, and a thread stays busy for as long as its client keeps the
    /// connection alive. In the fleet benchmark 60 of 500 simultaneous jobs sat in that queue
    /// until some other job's client dropped an idle connection (ureq's 15 s idle age), and
    /// their first requests came 15 or 30 s late, which looked like a herd of retries.
    pub fn start<H>(name: &str, handler: H) -> HttpServer
    where
        H: Fn(&Recorded) -> Reply + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        deepen_backlog(&listener);
        let port = listener
            .local_addr()
            .expect("fake server listens on an IP address")
            .port();
        let stopping = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let open = Arc::new(Mutex::new(HashMap::new()));
        let (jobs, inbox) = mpsc::channel::<Job>();
        let serve = {
            let (stopping, requests) = (stopping.clone(), requests.clone());
            std::thread::Builder::new()
                .name(format!("fake-{name}"))
                .spawn(move || serve(&inbox, &stopping, &requests, &handler))
                .expect("spawn fake server thread")
        };
        let accept = {
            let (stopping, open, name) = (stopping.clone(), open.clone(), name.to_string());
            std::thread::Builder::new()
                .name(format!("fake-{name}-accept"))
                .spawn(move || accept(&listener, &stopping, &open, &jobs, &name))
                .expect("spawn fake server accept thread")
        };
        HttpServer {
            stopping,
            accept: Some(accept),
            serve: Some(serve),
            open,
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
        // Wakes the accept thread, which then sees `stopping` and closes the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.accept.take() {
            let _ = thread.join();
        }
        for (_, stream) in lock(&self.open).drain() {
            let _ = stream.shutdown(Shutdown::Both);
        }
        if let Some(thread) = self.serve.take() {
            let _ = thread.join();
        }
    }
}

fn accept(
    listener: &TcpListener,
    stopping: &AtomicBool,
    open: &Arc<Mutex<HashMap<u64, TcpStream>>>,
    jobs: &mpsc::Sender<Job>,
    name: &str,
) {
    let mut next = 0u64;
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        // A failed accept (the client gave up, or out of descriptors) costs that connection only.
        let Ok(stream) = stream else { continue };
        let Ok(peer) = stream.peer_addr() else {
            continue;
        };
        next += 1;
        let id = next;
        if let Ok(clone) = stream.try_clone() {
            lock(open).insert(id, clone);
        }
        let (still_open, jobs) = (open.clone(), jobs.clone());
        let spawned = std::thread::Builder::new()
            .name(format!("fake-{name}-conn"))
            .spawn(move || {
                connection(stream, peer, &jobs);
                lock(&still_open).remove(&id);
            });
        if spawned.is_err() {
            lock(open).remove(&id);
        }
    }
}

/// Hands every request to the handler thread and writes its reply, until the client closes
/// the connection, asks to, goes idle for `IDLE` or sends something that is not HTTP/1.x.
fn connection(stream: TcpStream, peer: std::net::SocketAddr, jobs: &mpsc::Sender<Job>) {
    let _ = stream.set_read_timeout(Some(IDLE));
    // Replies go out in one write; no reason to hold them back for Nagle.
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    loop {
        let Ok(Some(head)) = read_head(&mut reader) else {
            return;
        };
        if head
            .header("expect")
            .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
            && writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err()
        {
            return;
        }
        let Ok(body) = read_body(&mut reader, &head) else {
            return;
        };
        let close = head.wants_close();
        let (back, reply) = mpsc::channel();
        if jobs
            .send((Recorded::from_parts(head, body, peer), back))
            .is_err()
        {
            return;
        }
        let Ok(reply) = reply.recv() else { return };
        // The client may have gone away; that is its business.
        if writer.write_all(&response_bytes(&reply)).is_err() || close {
            let _ = writer.shutdown(Shutdown::Both);
            return;
        }
    }
}

/// A request line and its headers (names lower-cased, values trimmed).
struct Head {
    method: String,
    target: String,
    version: String,
    headers: Vec<(String, String)>,
}

impl Head {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// HTTP/1.0 closes unless told otherwise; HTTP/1.1 keeps the connection unless told to close.
    fn wants_close(&self) -> bool {
        let says = |word: &str| {
            self.header("connection").is_some_and(|v| {
                v.split(',')
                    .any(|token| token.trim().eq_ignore_ascii_case(word))
            })
        };
        if self.version.eq_ignore_ascii_case("HTTP/1.0") {
            !says("keep-alive")
        } else {
            says("close")
        }
    }
}

/// One line, without its line end; `None` at the end of the stream.
fn read_line(reader: &mut BufReader<TcpStream>) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let read = reader
        .by_ref()
        .take(MAX_LINE)
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "line too long"));
    }
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

/// The next request's head; `None` when the client closed the connection between requests.
fn read_head(reader: &mut BufReader<TcpStream>) -> io::Result<Option<Head>> {
    // Blank lines before a request line are tolerated (RFC 9112 § 2.2), a few of them.
    let mut request_line = String::new();
    for _ in 0..4 {
        match read_line(reader)? {
            None => return Ok(None),
            Some(line) if line.is_empty() => continue,
            Some(line) => {
                request_line = line;
                break;
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("not an HTTP request line"));
    };
    if !version.to_ascii_uppercase().starts_with("HTTP/1.") {
        return Err(bad("not HTTP/1.x"));
    }
    let mut headers = Vec::new();
    loop {
        let Some(line) = read_line(reader)? else {
            return Err(bad("connection closed in the headers"));
        };
        if line.is_empty() {
            break;
        }
        if headers.len() == MAX_HEADERS {
            return Err(bad("too many headers"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad("header without a colon"));
        };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    Ok(Some(Head {
        method: method.to_string(),
        target: target.to_string(),
        version: version.to_string(),
        headers,
    }))
}

/// The body as framed by `Transfer-Encoding: chunked` or `Content-Length` (none without either).
fn read_body(reader: &mut BufReader<TcpStream>, head: &Head) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    if head
        .header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        loop {
            let line = read_line(reader)?.ok_or_else(|| bad("connection closed in a chunk"))?;
            let size = line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size, 16).map_err(|_| bad("bad chunk size"))?;
            if size == 0 {
                // Trailers, up to the blank line that ends them.
                for _ in 0..=MAX_HEADERS {
                    match read_line(reader)? {
                        Some(line) if !line.is_empty() => continue,
                        _ => return Ok(body),
                    }
                }
                return Err(bad("too many trailers"));
            }
            let at = body.len();
            body.resize(at + size, 0);
            reader.read_exact(&mut body[at..])?;
            read_line(reader)?;
        }
    }
    if let Some(length) = head.header("content-length") {
        let length: usize = length.parse().map_err(|_| bad("bad Content-Length"))?;
        body.resize(length, 0);
        reader.read_exact(&mut body)?;
    }
    Ok(body)
}

fn serve<H>(
    inbox: &mpsc::Receiver<Job>,
    stopping: &AtomicBool,
    requests: &Mutex<Vec<Recorded>>,
    handler: &H,
) where
    H: Fn(&Recorded) -> Reply,
{
    loop {
        // Polls `stopping`: connection threads hold senders for as long as their clients keep
        // connections open, so the channel alone would not say when the server was dropped.
        let (recorded, back) = match inbox.recv_timeout(Duration::from_millis(50)) {
            Ok(job) => job,
            Err(mpsc::RecvTimeoutError::Timeout) if stopping.load(Ordering::SeqCst) => return,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        lock(requests).push(recorded.clone());
        let reply = catch_unwind(AssertUnwindSafe(|| handler(&recorded))).unwrap_or_else(|_| {
            Reply::new(
                500,
                serde_json::json!({"message": "fake server handler panicked", "error": "FakePanic"}),
            )
        });
        let _ = back.send(reply);
    }
}

/// The whole response as one buffer, written with one write, as a real server with
/// TCP_NODELAY behaves: a keep-alive client is not stalled by a delayed ACK between the
/// head and the body.
fn response_bytes(reply: &Reply) -> Vec<u8> {
    let (body, content_type) = match &reply.bytes {
        Some(bytes) => (bytes.clone(), None),
        None => (
            serde_json::to_vec(&reply.body).unwrap_or_default(),
            Some("application/json; charset=utf-8"),
        ),
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\n",
        reply.status,
        tiny_http::StatusCode(reply.status).default_reason_phrase(),
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
    bytes
}
