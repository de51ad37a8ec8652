import CourtesyCore
import CourtesyDeskAPI
import CourtesyKafka

/// The desk's state: the queue and reply ledger materialised from the topics, how far the topics have
/// been read, and which conversations have a decision in progress.
///
/// An actor, so the reader's batches and the API's requests take turns. A decision spans several
/// awaits (publish, acknowledgement, apply), during which the actor serves others, so decisions are
/// serialised per conversation with ``lockConversation(of:)``: two approvals of one customer's drafts
/// must not both pass the conflict check.
actor DeskState {
    /// What reading one batch did, for progress and metrics.
    struct ReadReport {
        var read: [String: Int] = [:]
        var undecodable: [String: Int] = [:]
        var firstFailure: String?
        /// Decisions that cannot be read back and now keep their draft decided.
        var unreadableDecisions: [UnreadableDecision] = []
    }

    private var queue = DeskQueue()
    private var ledger = ReplyLedger()
    /// The latest outcome the publisher recorded for each reply, by reply (draft) id. About 100 bytes a
    /// reply; bounded by the publications topic's retention.
    private var publications: [String: DeskAPI.PublicationView] = [:]
    /// How many of ``publications`` say posted, and failed.
    private var publicationCounts = (posted: 0, failed: 0)
    private let endOffsets: [KafkaTopicPartition: Int64]
    private var positions: [KafkaTopicPartition: Int64] = [:]
    private var busy: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Whether the topics have been read up to where they ended when the desk started.
    private(set) var isCaughtUp = false
    /// Messages read so far, for the rebuild's progress.
    private(set) var messagesRead: Int64 = 0

    init(configuration: DeskServiceConfiguration, endOffsets: [KafkaTopicPartition: Int64]) {
        self.endOffsets = endOffsets
        var drafts = 0
        var decisions = 0
        for (partition, end) in endOffsets {
            if partition.topic == configuration.draftsTopic { drafts += Int(end) }
            if partition.topic == configuration.decisionsTopic { decisions += Int(end) }
        }
        queue.reserveCapacity(drafts: drafts, decisions: decisions)
        isCaughtUp = endOffsets.allSatisfy { $0.value == 0 }
    }

    // MARK: Reading the topics

    /// Applies a batch read from the topics, decoded by ``DeskReadDecoder``; returns what was read.
    /// - Parameter reachedEnd: partitions the reader found at their end, with the offset of their next message.
    func apply(_ messages: [DeskReadDecoder.Message], reachedEnd: [KafkaTopicPartition: Int64]) -> ReadReport {
        var report = ReadReport()
        for message in messages {
            let topic = message.partition.topic
            report.read[topic, default: 0] += 1
            positions[message.partition] = message.offset + 1
            switch message.event {
            case .draft(let draft):
                queue.apply(draft: draft)
            case .decision(let decision):
                record(decision)
            case .reply(let id):
                ledger.recordReply(id: id)
            case .publication(let publication):
                // A reply posted again after a publisher's crash keeps its first "posted".
                let earlier = publications[publication.replyId]?.outcome
                if earlier != Publication.Outcome.posted.rawValue {
                    publications[publication.replyId] = DeskAPI.PublicationView(publication)
                    if earlier == Publication.Outcome.failed.rawValue { publicationCounts.failed -= 1 }
                    switch publication.outcome {
                    case .posted: publicationCounts.posted += 1
                    case .failed: publicationCounts.failed += 1
                    }
                }
            case .ignored:
                break
            case .unreadableDecision(let unreadable):
                report.undecodable[topic, default: 0] += 1
                switch queue.apply(unreadable: unreadable) {
                case .decided, .decidedBeforeDraft: report.unreadableDecisions.append(unreadable)
                case .queued, .duplicate, .draftAlreadyDecided, .laterDecisionIgnored, .unreadableDecisionStands: break
                }
            case .undecodable(let error):
                report.undecodable[topic, default: 0] += 1
                if report.firstFailure == nil {
                    report.firstFailure = "\(topic)[\(message.partition.partition)]@\(message.offset): \(error)"
                }
            }
        }
        messagesRead += Int64(messages.count)
        for (partition, offset) in reachedEnd {
            positions[partition] = max(positions[partition] ?? 0, offset)
        }
        if !isCaughtUp {
            isCaughtUp = endOffsets.allSatisfy { positions[$0.key, default: 0] >= $0.value }
        }
        return report
    }

    /// Applies a decision to the queue, and to the ledger if it is the one that stands.
    private func record(_ decision: Decision) {
        switch queue.apply(decision: decision) {
        case .decided, .decidedBeforeDraft: ledger.recordDecision(decision)
        case .queued, .duplicate, .draftAlreadyDecided, .laterDecisionIgnored, .unreadableDecisionStands: break
        }
    }

    // MARK: Queries

    func list(filter: DeskFilter, limit: Int) -> DeskAPI.DraftList {
        let drafts = queue.list(filter: filter, limit: limit).map(view)
        return DeskAPI.DraftList(
            drafts: drafts, matching: queue.count(filter: filter), pending: queue.pendingCount,
            posted: publicationCounts.posted, failedToPost: publicationCounts.failed)
    }

    func conversations(filter: DeskFilter, limit: Int) -> DeskAPI.ConversationList {
        let groups = queue.conversations(filter: filter)
        let views = groups.prefix(limit).map { group in
            DeskAPI.ConversationView(conversation: group.conversation, drafts: group.drafts.map(view))
        }
        return DeskAPI.ConversationList(conversations: views, matching: groups.count)
    }

    func show(_ id: String) -> DeskAPI.DraftDetail? {
        switch queue.show(id) {
        case nil:
            return nil
        case .pending(let draft, let conversation):
            return DeskAPI.DraftDetail(
                status: "pending", draft: view(draft), conversation: conversation.map(view), decision: nil)
        case .decided(let record):
            return DeskAPI.DraftDetail(
                status: "decided", draft: nil, conversation: nil, decision: DeskAPI.DecisionView(record),
                publication: publications[record.draftId])
        case .decidedUnreadably:
            return DeskAPI.DraftDetail(status: "decided-unreadable", draft: nil, conversation: nil, decision: nil)
        }
    }

    func summary(at time: Timestamp) -> DeskAPI.Summary {
        let counts = queue.pendingCountsByPriority
        return DeskAPI.Summary(
            pending: queue.pendingCount,
            pendingByPriority: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
            overdue: queue.overdueCount(at: time), decided: queue.decidedCount)
    }

    var pendingCountsByPriority: [PriorityLevel: Int] { queue.pendingCountsByPriority }

    var unreadableDecisionCount: Int { queue.unreadableDecisionCount }

    func overdueCount(at time: Timestamp) -> Int { queue.overdueCount(at: time) }

    private func view(_ draft: Draft) -> DeskAPI.DraftView {
        DeskAPI.DraftView(draft, conversationPending: queue.pendingCount(inConversation: draft.conversation))
    }

    // MARK: Decisions

    /// Waits until no other decision is in progress in the conversation of draft `id`, and claims it;
    /// returns the key to pass to ``unlock(_:)``, or `nil` when the draft is not pending (deciding it
    /// will then fail on its own).
    func lockConversation(of id: String) async -> String? {
        while let conversation = queue.conversation(ofPending: id) {
            if !busy.contains(conversation) {
                busy.insert(conversation)
                return conversation
            }
            await withCheckedContinuation { waiters[conversation, default: []].append($0) }
        }
        return nil
    }

    func unlock(_ conversation: String) {
        busy.remove(conversation)
        for waiter in waiters.removeValue(forKey: conversation) ?? [] {
            waiter.resume()
        }
    }

    func decide(
        _ id: String, _ request: DecisionRequest, by approver: Approver, at time: Timestamp, scope: DecisionScope
    ) throws(DeskError) -> DeskOutcome {
        try queue.decide(id, request, by: approver, at: time, scope: scope)
    }

    /// Applies decisions the broker has acknowledged.
    func recorded(_ decisions: [Decision]) {
        for decision in decisions {
            record(decision)
        }
    }

    /// Notes a reply the broker has acknowledged.
    func published(replyId: String) {
        ledger.recordReply(id: replyId)
    }

    func owedReplies(decidedFrom notBefore: Timestamp, to notAfter: Timestamp) -> [Reply] {
        ledger.owedReplies(decidedFrom: notBefore, to: notAfter)
    }
}
