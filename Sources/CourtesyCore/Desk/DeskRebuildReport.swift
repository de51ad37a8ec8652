/// What a rebuild read and did.
package struct DeskRebuildReport: Sendable, Hashable {
    /// Events read, decodable or not.
    package var eventsRead = 0
    /// Drafts that became pending.
    package var draftsQueued = 0
    /// Decisions recorded (closing a pending draft or ahead of their draft).
    package var decisionsRecorded = 0
    /// Drafts and decisions seen before, and drafts that arrived already decided.
    package var duplicates = 0
    /// Later, different decisions on decided drafts, ignored because the first wins.
    package var laterDecisionsIgnored = 0
    /// Events that could not be decoded (skipped: the rebuild goes on).
    package var undecodable = 0
    /// Of those, decisions keyed by a draft id, which keep that draft decided (see ``UnreadableDecision``).
    package var unreadableDecisions = 0
    /// The first undecodable events, at most ``maximumFailuresKept``.
    package var failures: [DeskRebuildFailure] = []

    /// How many failures are kept in ``failures``.
    package static let maximumFailuresKept = 100

    /// An empty report.
    package init() {}
}
