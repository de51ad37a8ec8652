import CourtesyKafka
import Foundation
import Testing

@testable import CourtesyServices

@Suite("Courtesy's topics: one table for topics create and check, the deploy files and the docs")
struct CourtesyTopicsTests {
    @Test("docs/operations.md's table has every topic with the code's partitions, retention and compaction")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/operations.md"), encoding: .utf8)
        var rows: [String: [String]] = [:]
        for line in document.split(separator: "\n") where line.hasPrefix("| `courtesy.") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = Array(cells.dropFirst())
        }
        let topics = CourtesyTopics.all()
        #expect(Set(rows.keys) == Set(topics.map(\.name)))
        for topic in topics {
            let cells = try #require(rows[topic.name], "\(topic.name) is not in docs/operations.md")
            let partitions = cells[0].prefix { $0.isNumber }
            #expect(Int(partitions) == topic.partitions, "\(topic.name): \(cells[0])")
            let retention =
                cells[1].hasPrefix("unlimited")
                ? -1 : Int64(cells[1].prefix { $0.isNumber }).map { $0 * 86_400_000 }
            #expect(retention == topic.retentionMilliseconds, "\(topic.name): \(cells[1])")
            #expect(cells[1].contains("compacted") == topic.compacted, "\(topic.name): \(cells[1])")
        }
    }

    @Test("the changelog has the mentions' partitions, whatever they are")
    func coPartitioned() {
        for partitions in [1, 12, 48] {
            let topics = CourtesyTopics.newTopics(
                mentionPartitions: partitions, replicationFactor: 3, minInSyncReplicas: 2)
            #expect(topics.first { $0.name == "courtesy.mentions" }?.partitions == partitions)
            #expect(topics.first { $0.name == "courtesy.conversations" }?.partitions == partitions)
            #expect(topics.allSatisfy { $0.configs["min.insync.replicas"] == "2" && $0.replicationFactor == 3 })
        }
    }

    @Test("drift: missing topics, other partition counts and settings; none when all agree")
    func drift() {
        let expected = CourtesyTopics.newTopics(mentionPartitions: 12, replicationFactor: 1, minInSyncReplicas: nil)
        var partitions: [String: Int] = [:]
        var configs: [String: [String: String]] = [:]
        for topic in expected {
            partitions[topic.name] = topic.partitions
            configs[topic.name] = topic.configs
        }
        #expect(CourtesyTopics.drift(expected: expected, partitions: partitions, configs: configs).isEmpty)

        // A broker that reports only what was set: delete is the default policy, and the order of a
        // two-word policy does not matter.
        configs["courtesy.mentions"]?["cleanup.policy"] = nil
        configs["courtesy.conversations"]?["cleanup.policy"] = "delete,compact"
        #expect(CourtesyTopics.drift(expected: expected, partitions: partitions, configs: configs).isEmpty)

        partitions["courtesy.replies"] = nil
        partitions["courtesy.conversations"] = 4
        configs["courtesy.decisions"]?["retention.ms"] = "604800000"
        configs["courtesy.conversations"]?["cleanup.policy"] = "delete"
        configs["courtesy.drafts"]?["retention.ms"] = nil
        #expect(
            CourtesyTopics.drift(expected: expected, partitions: partitions, configs: configs) == [
                "courtesy.drafts does not report retention.ms (should be 2592000000)",
                "courtesy.decisions has retention.ms=604800000, not -1",
                "courtesy.replies does not exist",
                "courtesy.conversations has 4 partitions, not 12",
                "courtesy.conversations has cleanup.policy=delete, not compact,delete",
            ])
    }
}
