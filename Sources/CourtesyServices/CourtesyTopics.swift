import CourtesyKafka
import Foundation

/// Courtesy's topics and the settings each needs: the one table that `courtesy topics create` and
/// `courtesy topics check` follow, that the deploy files run through that command, and that
/// docs/operations.md (Topics) shows (a test holds the two together).
package enum CourtesyTopics {
    /// One topic's settings.
    package struct Topic: Sendable, Equatable {
        package let name: String
        package let partitions: Int
        /// `retention.ms`; -1 keeps everything.
        package let retentionMilliseconds: Int64
        package let compacted: Bool
        /// Why it has these settings, for people.
        package let purpose: String

        /// The topic-level settings it is created with.
        package var configs: [String: String] {
            var configs = [
                "cleanup.policy": compacted ? "compact,delete" : "delete",
                "retention.ms": String(retentionMilliseconds),
            ]
            // After a crash the responder that takes over needs the records written before the mentions it
            // drafts again: an hour before they may be compacted away.
            if compacted { configs["min.compaction.lag.ms"] = "3600000" }
            return configs
        }
    }

    /// The partitions of `courtesy.mentions` by default: as many responders as that can share the work.
    package static let defaultMentionPartitions = 12

    private static let day: Int64 = 86_400_000

    /// Every topic, with `mentionPartitions` for `courtesy.mentions` and the changelog that must match it.
    package static func all(mentionPartitions: Int = defaultMentionPartitions) -> [Topic] {
        let responder = ResponderServiceConfiguration()
        let desk = DeskServiceConfiguration()
        let publisher = PublishServiceConfiguration(routes: WebhookRoutes(webhook: nil))
        return [
            Topic(
                name: responder.mentionsTopic, partitions: mentionPartitions, retentionMilliseconds: 7 * day,
                compacted: false, purpose: "input; long enough to replay after an incident"),
            Topic(
                name: responder.deadLetterTopic, partitions: 3, retentionMilliseconds: 30 * day, compacted: false,
                purpose: "bad input, kept to inspect and replay"),
            Topic(
                name: desk.draftsTopic, partitions: 12, retentionMilliseconds: 30 * day, compacted: false,
                purpose: "the desk rebuilds its queue from it"),
            Topic(
                name: desk.decisionsTopic, partitions: 6, retentionMilliseconds: -1, compacted: false,
                purpose: "the audit log, and what the desk replays to know which drafts are decided"),
            Topic(
                name: desk.repliesTopic, partitions: 6, retentionMilliseconds: 7 * day, compacted: false,
                purpose: "for delivery connectors; the desk reads it back to publish each reply once"),
            Topic(
                name: publisher.publicationsTopic, partitions: 6, retentionMilliseconds: 30 * day, compacted: true,
                purpose: "what became of each approved reply, keyed by reply; the desk reads it to show \"posted\""),
            Topic(
                name: publisher.deadLetterTopic, partitions: 3, retentionMilliseconds: 30 * day, compacted: false,
                purpose: "replies a receiver refused for good, kept to inspect and post by hand"),
            Topic(
                name: responder.conversationsTopic, partitions: mentionPartitions, retentionMilliseconds: 15 * day,
                compacted: true,
                purpose: "the responders' memory of earlier contacts, as many partitions as the mentions"),
        ]
    }

    /// The topics to create, with `replicationFactor` and, when given, `min.insync.replicas`.
    package static func newTopics(mentionPartitions: Int, replicationFactor: Int, minInSyncReplicas: Int?)
        -> [KafkaAdmin.NewTopic]
    {
        all(mentionPartitions: mentionPartitions).map { topic in
            var configs = topic.configs
            if let minInSyncReplicas { configs["min.insync.replicas"] = String(minInSyncReplicas) }
            return KafkaAdmin.NewTopic(
                name: topic.name, partitions: topic.partitions, replicationFactor: replicationFactor,
                configs: configs)
        }
    }

    /// Where a cluster's topics differ from `expected`: one sentence per difference, none when they agree.
    ///
    /// - Parameters:
    ///   - partitions: each existing topic's partition count.
    ///   - configs: the settings the cluster reported per topic. A setting it did not report counts as Kafka's
    ///     default (`cleanup.policy=delete`); any other setting must be reported to count as right.
    package static func drift(
        expected: [KafkaAdmin.NewTopic], partitions: [String: Int], configs: [String: [String: String]]
    ) -> [String] {
        var drift: [String] = []
        for topic in expected {
            guard let actual = partitions[topic.name] else {
                drift.append("\(topic.name) does not exist")
                continue
            }
            if actual != topic.partitions {
                drift.append("\(topic.name) has \(actual) partitions, not \(topic.partitions)")
            }
            let reported = configs[topic.name] ?? [:]
            for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                let defaulted = name == "cleanup.policy" ? "delete" : nil
                guard let current = reported[name] ?? defaulted else {
                    drift.append("\(topic.name) does not report \(name) (should be \(value))")
                    continue
                }
                if Self.normalised(name, current) != Self.normalised(name, value) {
                    drift.append("\(topic.name) has \(name)=\(current), not \(value)")
                }
            }
        }
        return drift
    }

    /// `compact,delete` and `delete,compact` are the same policy.
    private static func normalised(_ name: String, _ value: String) -> String {
        guard name == "cleanup.policy" else { return value }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.sorted().joined(
            separator: ",")
    }
}
