/// What one HTTP connection may take from a server: how long a client may be slow, and how many
/// connections may be open at once (docs/configuration.md, "HTTP servers").
///
/// A client that has not sent a complete request head within `headerTimeout` (counted from the
/// connection's opening, TLS handshake included, or from the first byte of a later request), whose
/// body has not fully arrived `bodyTimeout` after its head, that sends nothing for `idleTimeout`
/// after a response, or that stops reading a response for `idleTimeout`, is disconnected. Beyond `maximumConnections` open at once, a new connection is
/// closed as soon as it is accepted, so that clients who never finish cannot take every file
/// descriptor from those who do.
package struct HTTPConnectionLimits: Sendable, Equatable {
    /// The longest a request head may take to arrive.
    package var headerTimeout: Duration
    /// The longest a request body may take to arrive, from the end of its head.
    package var bodyTimeout: Duration
    /// The longest a connection may wait, after a response, for the next request to begin; and the
    /// longest a client may leave a response unread.
    package var idleTimeout: Duration
    /// The most connections open at once.
    package var maximumConnections: Int

    package init(headerTimeout: Duration, bodyTimeout: Duration, idleTimeout: Duration, maximumConnections: Int) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }

    /// 10 s for a head, 30 s for a body, 75 s idle, 1,024 connections.
    ///
    /// The idle timeout is longer than the 60 s for which an nginx Ingress keeps a connection to its
    /// upstream open: the proxy, not the desk, should be the one to close an idle connection, or it
    /// may send a request on a connection the desk is closing.
    package static let standard = HTTPConnectionLimits(
        headerTimeout: .seconds(10), bodyTimeout: .seconds(30), idleTimeout: .seconds(75), maximumConnections: 1_024)
}
