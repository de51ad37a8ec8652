import CourtesyCore

/// What a run of mentions drafted, counted by the task that drafted them and handed to ``ResponderMetrics``
/// once per run, so that a counter is touched once per run and label, not once per mention.
struct DraftTally {
    struct Segment: Hashable {
        let intent: Intent
        let level: PriorityLevel
    }

    private(set) var drafts: [Segment: Int] = [:]
    private(set) var topics: [String: Int] = [:]
    private(set) var deadLetters: [ResponderError.Reason: Int] = [:]
    /// Nanoseconds from each mention's append to the broker to its draft, where the broker stamped it.
    private(set) var mentionToDraft: [Int64] = []

    mutating func countDraft(
        _ classification: Classification, mentionAppendedAt appended: Int64?, draftedAt now: Timestamp
    ) {
        drafts[Segment(intent: classification.intent, level: classification.priority.level), default: 0] += 1
        for topic in classification.topics {
            topics[topic, default: 0] += 1
        }
        if let appended {
            mentionToDraft.append(max(0, now.millisecondsSinceEpoch - appended) * 1_000_000)
        }
    }

    mutating func countDeadLetter(_ reason: ResponderError.Reason) {
        deadLetters[reason, default: 0] += 1
    }
}
