/// What a rebuild read and did.
public struct DeskRebuildReport: Sendable, Hashable {
    /// Events read, decodable or not.
    public var eventsRead = 0
    /// Drafts that became pending.
    public var draftsQueued = 0
    /// Decisions recorded (closing a pending draft or ahead of their draft).
    public var decisionsRecorded = 0
    /// Drafts and decisions seen before, and drafts that arrived already decided.
    public var duplicates = 0
    /// Later, different decisions on decided drafts, ignored because the first wins.
    public var laterDecisionsIgnored = 0
    /// Events that could not be decoded (skipped: the rebuild goes on).
    public var undecodable = 0
    /// Of those, decisions keyed by a draft id, which keep that draft decided (see ``UnreadableDecision``).
    public var unreadableDecisions = 0
    /// The first undecodable events, at most ``maximumFailuresKept``.
    public var failures: [DeskRebuildFailure] = []

    /// How many failures are kept in ``failures``.
    public static let maximumFailuresKept = 100

    /// An empty report.
    public init() {}
}
