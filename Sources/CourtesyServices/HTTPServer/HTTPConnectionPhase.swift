/// Where an HTTP connection is between requests, for its timeouts: each phase but `responding` has a
/// deadline by which the client must move it on.
enum HTTPConnectionPhase: String, Sendable, Equatable {
    /// Waiting for a complete request head: the header timeout.
    case header
    /// Waiting for the rest of a request's body: the body timeout.
    case body
    /// The server is answering: no deadline of the client's.
    case responding
    /// The server is answering but the client has stopped reading the response: the idle timeout.
    case response
    /// Answered, waiting for the next request to begin: the idle timeout.
    case idle
}
