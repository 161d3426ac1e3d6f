//! A small HTTP/1.1 client that calls Rumbo the way its pages do.
//!
//! Each simulated person gets their own client, bound to their own loopback address
//! (127.x.y.z): the server then sees as many distinct peers as there are people, as it would
//! in a real workshop, and its per-address throttling is neither tripped nor bypassed.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// What went wrong with a request.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// A reply read whole.
#[derive(Debug)]
pub struct Reply {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
}

impl Reply {
    /// The body as text, for error messages.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body)
            .chars()
            .take(300)
            .collect()
    }

    /// The `name=value` of a cookie this reply sets (to a non-empty value).
    pub fn cookie(&self, name: &str) -> Option<String> {
        cookie_from(&self.headers, name)
    }
}

/// The `name=value` of a cookie set by these headers, if set to something.
pub fn cookie_from(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| {
            pair.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('='))
                .is_some_and(|value| !value.is_empty())
        })
        .map(str::to_owned)
}

/// The loopback address of simulated person number `n` (0-based): 127.1.0.1, 127.1.0.2, …
/// Linux routes all of 127.0.0.0/8 to the loopback interface, so no setup is needed.
pub fn loopback(n: usize) -> IpAddr {
    let n = u32::try_from(n).unwrap_or(u32::MAX) % (254 * 254 * 200);
    let (a, rest) = (1 + n / (254 * 254), n % (254 * 254));
    let (b, c) = (rest / 254, 1 + rest % 254);
    IpAddr::V4(Ipv4Addr::new(127, a as u8, b as u8, c as u8))
}

/// One simulated browser: a keep-alive connection pool from one source address.
#[derive(Clone)]
pub struct Browser {
    client: Client<HttpConnector, Full<Bytes>>,
    server: SocketAddr,
    cookie: Option<String>,
}

impl Browser {
    /// A browser talking to `server` from `source`.
    pub fn new(server: SocketAddr, source: IpAddr) -> Browser {
        let mut connector = HttpConnector::new();
        connector.set_local_address(Some(source));
        connector.set_nodelay(true);
        connector.set_connect_timeout(Some(Duration::from_secs(10)));
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(90))
            .build(connector);
        Browser {
            client,
            server,
            cookie: None,
        }
    }

    /// Sends this cookie (`name=value`) with every request from now on.
    pub fn set_cookie(&mut self, cookie: String) {
        self.cookie = Some(cookie);
    }

    fn request(&self, method: &str, path: &str) -> http::request::Builder {
        let origin = format!("http://{}", self.server);
        let mut builder = Request::builder()
            .method(method)
            .uri(format!("{origin}{path}"))
            .header("host", self.server.to_string());
        if let Some(cookie) = &self.cookie {
            builder = builder.header("cookie", cookie.as_str());
        }
        builder
    }

    /// Calls a server function with a URL-encoded form, with the headers a page's script
    /// sends from the same origin.
    pub async fn call(&self, endpoint: &str, pairs: &[(&str, &str)]) -> Result<Reply, Error> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.post_form(&format!("/api/{endpoint}"), body).await
    }

    /// `POST path` with a URL-encoded body.
    pub async fn post_form(&self, path: &str, body: String) -> Result<Reply, Error> {
        let origin = format!("http://{}", self.server);
        let request = self
            .request("POST", path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .header("origin", origin.as_str())
            .header("referer", format!("{origin}/"))
            .header("sec-fetch-site", "same-origin")
            .body(Full::new(Bytes::from(body)))?;
        read(self.client.request(request).await?).await
    }

    /// `GET path`, read whole.
    pub async fn get(&self, path: &str) -> Result<Reply, Error> {
        let request = self.request("GET", path).body(Full::new(Bytes::new()))?;
        read(self.client.request(request).await?).await
    }

    /// `GET path` as an event stream; the body is left to the caller to read as it comes.
    pub async fn open_stream(&self, path: &str) -> Result<http::Response<Incoming>, Error> {
        let request = self
            .request("GET", path)
            .header("accept", "text/event-stream")
            .body(Full::new(Bytes::new()))?;
        Ok(self.client.request(request).await?)
    }
}

async fn read(response: http::Response<Incoming>) -> Result<Reply, Error> {
    let (parts, body) = response.into_parts();
    let body = body.collect().await?.to_bytes();
    Ok(Reply {
        status: parts.status,
        headers: parts.headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_person_gets_a_distinct_loopback_address() {
        let addresses: std::collections::HashSet<IpAddr> = (0..2000).map(loopback).collect();
        assert_eq!(addresses.len(), 2000);
        assert_eq!(loopback(0), IpAddr::V4(Ipv4Addr::new(127, 1, 0, 1)));
        assert!(addresses.iter().all(|a| a.is_loopback()));
        assert!(!addresses.contains(&IpAddr::V4(Ipv4Addr::LOCALHOST)));
    }

    #[test]
    fn cookies_are_read_from_set_cookie_headers() {
        let mut headers = HeaderMap::new();
        headers.append(
            "set-cookie",
            "rumbo_resume_once=; Max-Age=0".parse().unwrap(),
        );
        headers.append(
            "set-cookie",
            "rumbo_session=abc; Path=/; HttpOnly".parse().unwrap(),
        );
        assert_eq!(
            cookie_from(&headers, "rumbo_session").as_deref(),
            Some("rumbo_session=abc")
        );
        assert_eq!(cookie_from(&headers, "rumbo_resume_once"), None);
        assert_eq!(cookie_from(&headers, "rumbo"), None);
    }
}
