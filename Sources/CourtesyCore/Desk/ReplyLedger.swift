/// Which approvals still owe their reply: the desk's way to publish every approved reply exactly once
/// across crashes.
///
/// The desk records a decision on `courtesy.decisions` before it publishes the reply. If it stops in
/// between, the decision stands and the reply is missing. Fed the decisions that stand (the first per
/// draft, as ``DeskQueue/apply(decision:)`` decides) and the ids read back from `courtesy.replies`, the
/// ledger names the approvals whose reply never appeared, so the desk can publish them again. A reply's
/// id is its draft's id, so a reply seen before or after its decision is matched either way.
package struct ReplyLedger: Sendable {
    /// Reply ids read from the replies topic.
    private var published: Set<String> = []
    /// Approvals whose reply has not been seen, by draft id.
    private var owed: [String: Decision] = [:]

    /// An empty ledger.
    package init() {}

    /// How many approvals still owe their reply.
    package var owedCount: Int { owed.count }

    /// Notes a decision that stands; an approval owes its reply until ``recordReply(id:)`` sees it.
    package mutating func recordDecision(_ decision: Decision) {
        guard decision.action == .approve || decision.action == .edit else { return }
        guard !published.contains(decision.draftId) else { return }
        owed[decision.draftId] = decision
    }

    /// Notes a reply read back from the replies topic.
    package mutating func recordReply(id: String) {
        published.insert(id)
        owed.removeValue(forKey: id)
    }

    /// The replies owed by approvals decided between `notBefore` and `notAfter`, oldest decision first.
    ///
    /// `notAfter` leaves a reply that is on its way (decided a moment ago, not yet read back) alone;
    /// `notBefore` keeps the desk from publishing, years later, a reply the replies topic no longer
    /// holds because its retention is shorter than the decisions'.
    package func owedReplies(decidedFrom notBefore: Timestamp, to notAfter: Timestamp) -> [Reply] {
        owed.values
            .filter { $0.decidedAt >= notBefore && $0.decidedAt <= notAfter }
            .sorted { ($0.decidedAt, $0.draftId) < ($1.decidedAt, $1.draftId) }
            .compactMap(Reply.init(decision:))
    }
}
