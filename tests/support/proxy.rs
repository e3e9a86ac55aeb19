//! `LoopbackProxy`: an HTTP CONNECT and SOCKS5 proxy on 127.0.0.1 that records every tunnel it
//! opens and refuses any target but this machine, so a test can prove the client went through it
//! (or, with NO_PROXY, around it) without ever reaching another address.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::http::lock;

pub struct LoopbackProxy {
    port: u16,
    tunnels: Arc<Mutex<Vec<String>>>,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl LoopbackProxy {
    pub fn start() -> LoopbackProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local addr").port();
        let tunnels = Arc::new(Mutex::new(Vec::new()));
        let stopping = Arc::new(AtomicBool::new(false));
        let thread = {
            let (tunnels, stopping) = (tunnels.clone(), stopping.clone());
            std::thread::Builder::new()
                .name("loopback-proxy".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if stopping.load(Ordering::SeqCst) {
                            return;
                        }
                        let Ok(stream) = stream else { continue };
                        let tunnels = tunnels.clone();
                        std::thread::spawn(move || {
                            let _ = serve(stream, &tunnels);
                        });
                    }
                })
                .expect("spawn proxy thread")
        };
        LoopbackProxy {
            port,
            tunnels,
            stopping,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT`, for HTTPS_PROXY / http_proxy / ALL_PROXY.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `socks5://127.0.0.1:PORT` (same port: the first byte tells the protocols apart).
    pub fn socks_url(&self) -> String {
        format!("socks5://127.0.0.1:{}", self.port)
    }

    /// `host:port` of every tunnel opened, in order.
    pub fn tunnels(&self) -> Vec<String> {
        lock(&self.tunnels).clone()
    }
}

impl Drop for LoopbackProxy {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(mut client: TcpStream, tunnels: &Mutex<Vec<String>>) -> std::io::Result<()> {
    client.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut first = [0u8; 1];
    client.peek(&mut first)?;
    let target = if first[0] == 5 {
        socks5_handshake(&mut client)?
    } else {
        connect_request(&mut client)?
    };
    let Some(target) = target else {
        return Ok(());
    };
    lock(tunnels).push(target.clone());
    let upstream = TcpStream::connect(&target)?;
    client.set_read_timeout(None)?;
    pipe(client, upstream)
}

/// `CONNECT host:port HTTP/1.1`: the target, or a 403 for anything but this machine.
fn connect_request(client: &mut TcpStream) -> std::io::Result<Option<String>> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if client.read(&mut byte)? == 0 || head.len() > 16 * 1024 {
            return Ok(None);
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut words = text.split_whitespace();
    let (Some("CONNECT"), Some(target)) = (words.next(), words.next()) else {
        client.write_all(b"HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n")?;
        return Ok(None);
    };
    if !is_this_machine(target) {
        client.write_all(b"HTTP/1.1 403 Loopback only\r\nContent-Length: 0\r\n\r\n")?;
        return Ok(None);
    }
    client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")?;
    Ok(Some(target.to_string()))
}

/// RFC 1928, no authentication, CONNECT only.
fn socks5_handshake(client: &mut TcpStream) -> std::io::Result<Option<String>> {
    let mut greeting = [0u8; 2];
    client.read_exact(&mut greeting)?;
    let mut methods = vec![0u8; greeting[1] as usize];
    client.read_exact(&mut methods)?;
    client.write_all(&[5, 0])?;
    let mut request = [0u8; 4];
    client.read_exact(&mut request)?;
    let host = match request[3] {
        1 => {
            let mut ip = [0u8; 4];
            client.read_exact(&mut ip)?;
            std::net::Ipv4Addr::from(ip).to_string()
        }
        3 => {
            let mut len = [0u8; 1];
            client.read_exact(&mut len)?;
            let mut name = vec![0u8; len[0] as usize];
            client.read_exact(&mut name)?;
            String::from_utf8_lossy(&name).into_owned()
        }
        _ => {
            client.write_all(&[5, 8, 0, 1, 0, 0, 0, 0, 0, 0])?;
            return Ok(None);
        }
    };
    let mut port = [0u8; 2];
    client.read_exact(&mut port)?;
    let target = format!("{host}:{}", u16::from_be_bytes(port));
    if request[1] != 1 || !is_this_machine(&target) {
        // 2: connection not allowed by ruleset.
        client.write_all(&[5, 2, 0, 1, 0, 0, 0, 0, 0, 0])?;
        return Ok(None);
    }
    client.write_all(&[5, 0, 0, 1, 127, 0, 0, 1, 0, 0])?;
    Ok(Some(target))
}

fn is_this_machine(target: &str) -> bool {
    let host = target.rsplit_once(':').map_or(target, |(h, _)| h);
    host == "127.0.0.1" || host == "localhost"
}

/// Copies both ways until either side hangs up.
fn pipe(client: TcpStream, upstream: TcpStream) -> std::io::Result<()> {
    let (mut client_read, mut upstream_write) = (client.try_clone()?, upstream.try_clone()?);
    let up = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_read, &mut upstream_write);
        let _ = upstream_write.shutdown(Shutdown::Write);
    });
    let (mut upstream_read, mut client_write) = (upstream, client);
    let _ = std::io::copy(&mut upstream_read, &mut client_write);
    let _ = client_write.shutdown(Shutdown::Both);
    let _ = up.join();
    Ok(())
}
