/// The timeouts of one HTTP/1 connection as a state machine: each event returns the deadline the
/// connection now has (or none), which its channel handler schedules; when a deadline passes, the
/// connection is closed and counted by the phase it was in.
struct HTTPConnectionTimeouts: Sendable {
    /// What the caller must do after an event.
    enum Action: Equatable {
        /// Replace any scheduled deadline by one `after` from now, for `phase`.
        case schedule(phase: HTTPConnectionPhase, after: Duration)
        /// Cancel any scheduled deadline: the server is answering.
        case cancel
        /// Keep the deadline already scheduled.
        case keep
    }

    private let limits: HTTPConnectionLimits
    private(set) var phase: HTTPConnectionPhase = .header
    /// Requests whose head has arrived and whose response has not been written to the end.
    private var requestsInFlight = 0
    /// Whether a request is partly read (its head arrived, its end not yet).
    private var readingBody = false

    init(limits: HTTPConnectionLimits) {
        self.limits = limits
    }

    /// The connection opened: its first head must arrive in time, TLS handshake included.
    mutating func opened() -> Action {
        phase = .header
        return .schedule(phase: .header, after: limits.headerTimeout)
    }

    /// Bytes arrived: when idle, a new request begins and its head must arrive in time.
    mutating func bytesArrived() -> Action {
        guard phase == .idle else { return .keep }
        phase = .header
        return .schedule(phase: .header, after: limits.headerTimeout)
    }

    /// A request head arrived: its body must follow in time.
    mutating func headArrived() -> Action {
        requestsInFlight += 1
        readingBody = true
        phase = .body
        return .schedule(phase: .body, after: limits.bodyTimeout)
    }

    /// A request's end arrived: it is the server's turn.
    mutating func requestEnded() -> Action {
        readingBody = false
        return settle()
    }

    /// A response was written to its end.
    mutating func responseEnded() -> Action {
        requestsInFlight = max(0, requestsInFlight - 1)
        guard !readingBody else { return .keep }
        return settle()
    }

    /// The connection stopped taking bytes (the client does not read the response): the client must
    /// read again within the idle timeout.
    mutating func sendingStalled() -> Action {
        guard phase == .responding else { return .keep }
        phase = .response
        return .schedule(phase: .response, after: limits.idleTimeout)
    }

    /// The connection takes bytes again.
    mutating func sendingResumed() -> Action {
        guard phase == .response else { return .keep }
        phase = .responding
        return .cancel
    }

    private mutating func settle() -> Action {
        if requestsInFlight > 0 {
            guard phase != .responding, phase != .response else { return .keep }
            phase = .responding
            return .cancel
        }
        phase = .idle
        return .schedule(phase: .idle, after: limits.idleTimeout)
    }
}
