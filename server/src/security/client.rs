//! Who the client is, for throttling logins and join codes.
//!
//! The app throttles by the address in axum's `ConnectInfo`: the peer of the TCP
//! connection, which a client cannot forge. Behind a reverse proxy that peer is the proxy,
//! so every visitor would share one throttle (ten wrong codes from anyone would lock a whole
//! workshop out). When the operator names the proxy (`RUMBO_TRUSTED_PROXIES`), the address
//! the proxy appends to `X-Forwarded-For` is used instead. Entries a client wrote into that
//! header themselves sit to the left of the proxy's, and are never believed.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

/// The client's address: the peer, or, when the peer is a trusted proxy, the right-most
/// address of `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|hop| hop.trim().parse::<IpAddr>())
        .collect::<Result<_, _>>()
        // A malformed chain cannot be read from the right safely: keep the proxy's address.
        .unwrap_or_default();
    hops.into_iter()
        .rev()
        .find(|hop| !trusted.contains(hop))
        .unwrap_or(peer)
}

/// Replaces the peer address in `ConnectInfo` with the client's, when a trusted proxy
/// forwarded the request.
pub(crate) async fn resolve(
    State(trusted): State<Arc<Vec<IpAddr>>>,
    mut request: Request,
    next: Next,
) -> Response {
    if !trusted.is_empty() {
        if let Some(ConnectInfo(peer)) = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
        {
            let ip = client_ip(peer.ip(), request.headers(), &trusted);
            request
                .extensions_mut()
                .insert(ConnectInfo(SocketAddr::new(ip, peer.port())));
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_header_is_ignored_unless_the_peer_is_a_trusted_proxy() {
        let headers = forwarded("203.0.113.9");
        assert_eq!(
            client_ip(ip("198.51.100.7"), &headers, &[]),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_ip(ip("198.51.100.7"), &headers, &[ip("127.0.0.1")]),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_address_it_added_counts() {
        let proxy = [ip("127.0.0.1")];
        assert_eq!(
            client_ip(ip("127.0.0.1"), &forwarded("203.0.113.9"), &proxy),
            ip("203.0.113.9")
        );
        // A client that forges the header only adds entries on the left.
        assert_eq!(
            client_ip(ip("127.0.0.1"), &forwarded("1.2.3.4, 203.0.113.9"), &proxy),
            ip("203.0.113.9")
        );
        // Two proxies in a row: both skipped.
        let proxies = [ip("127.0.0.1"), ip("10.0.0.2")];
        assert_eq!(
            client_ip(
                ip("127.0.0.1"),
                &forwarded("203.0.113.9, 10.0.0.2"),
                &proxies
            ),
            ip("203.0.113.9")
        );
        // Nothing readable: the proxy itself.
        assert_eq!(
            client_ip(ip("127.0.0.1"), &forwarded("junk"), &proxy),
            ip("127.0.0.1")
        );
        assert_eq!(
            client_ip(ip("127.0.0.1"), &HeaderMap::new(), &proxy),
            ip("127.0.0.1")
        );
    }
}
