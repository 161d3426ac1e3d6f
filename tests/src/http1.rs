//! Plain HTTP/1.1 over a TCP socket, for tests that talk to a real listening server.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One form request on its own connection, read to the end: the head (status line and
/// headers) and the body as sent.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: &str,
    body: &str,
) -> (String, String) {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nCookie: {cookie}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    let mut reply = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut reply))
        .await
        .expect("reply in time")
        .expect("read");
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    (head.to_owned(), body.to_owned())
}

/// The `name=value` of a cookie a response's head sets.
pub fn cookie(head: &str, name: &str) -> String {
    head.lines()
        .filter_map(|l| {
            l.split_once(':')
                .filter(|(h, _)| h.eq_ignore_ascii_case("set-cookie"))
                .map(|(_, v)| v.trim())
        })
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")) && pair.len() > name.len() + 1)
        .unwrap_or_else(|| panic!("no {name} cookie in {head}"))
        .to_owned()
}
