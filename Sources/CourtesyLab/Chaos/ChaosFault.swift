import CourtesyKafka

/// One kind of trouble `courtesy-lab chaos` causes, in the order it cycles through them.
enum ChaosFault: String, CaseIterable, Sendable {
    /// A responder killed with SIGKILL and started again: uncommitted mentions are drafted again.
    case responderKilled = "responder-killed"
    /// One broker down for a few seconds.
    case brokerDown = "broker-down"
    /// Produce requests failing with retriable errors.
    case produceErrors = "produce-errors"
    /// The desk killed with SIGKILL and started again: it rebuilds its queue.
    case deskKilled = "desk-killed"
    /// Fetch requests failing.
    case fetchErrors = "fetch-errors"
    /// A responder frozen (SIGSTOP) past its session timeout: the group moves its partitions, and
    /// the frozen member comes back to find them gone.
    case consumerStalled = "consumer-stalled"
    /// Offset commits failing.
    case commitErrors = "commit-errors"
    /// Every broker down at once for a few seconds.
    case clusterDown = "cluster-down"
    /// The publisher killed with SIGKILL and started again: replies it posted but had not recorded are
    /// posted again, with the same idempotency key.
    case publisherKilled = "publisher-killed"

    /// The request errors this fault injects, if it is one of those.
    var injected: (request: KafkaRequest, errors: [KafkaErrorCode])? {
        switch self {
        case .produceErrors:
            (.produce, [.notLeaderForPartition, .requestTimedOut, .notEnoughReplicas, .leaderNotAvailable])
        case .fetchErrors:
            (.fetch, [.notLeaderForPartition, .unknownTopicOrPartition, .leaderNotAvailable])
        case .commitErrors:
            (.offsetCommit, [.coordinatorNotAvailable, .notCoordinator, .requestTimedOut])
        case .responderKilled, .brokerDown, .deskKilled, .consumerStalled, .clusterDown, .publisherKilled:
            nil
        }
    }
}
