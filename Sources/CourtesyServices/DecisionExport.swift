import CourtesyCore
import CourtesyKafka
import Logging

/// Turns the desk's decision log into labelled examples for `courtesy train`: what
/// `courtesy decisions export` runs.
///
/// It reads the topics as they are when it starts, each once, in three passes so that memory holds only
/// what the decisions need: the decisions; then the drafts they name; then the text of those drafts'
/// mentions. A draft keeps only the first 140 bytes of its mention, so the full text comes from the
/// mentions topic; when the broker no longer holds the mention, the draft's excerpt is used if it is
/// the whole text, and the decision is skipped otherwise.
package enum DecisionExport {
    /// The topics read.
    package struct Topics: Sendable {
        package var decisions = "courtesy.decisions"
        package var drafts = "courtesy.drafts"
        package var mentions = "courtesy.mentions"

        package init() {}
    }

    /// What an export found.
    package struct Report: Sendable {
        /// Examples written, by decision (`approve`, `edit`, `reject`).
        package var examples: [String: Int] = [:]
        /// Examples whose tone differs from the draft's: the approvers' corrections.
        package var corrections = 0
        /// Decisions that gave no example, by why.
        package var skipped: [String: Int] = [:]
        /// Decisions read.
        package var decisions = 0
        /// Events that could not be decoded, and were skipped.
        package var undecodable = 0

        package var exported: Int { examples.values.reduce(0, +) }
    }

    /// Reads the topics on `kafka` and hands each example to `write`, in the decision log's order.
    package static func run(
        kafka: KafkaConfiguration, topics: Topics = Topics(), words: [String: DraftScorecardWords], logger: Logger,
        progress: (String) -> Void = { _ in }, write: (DecisionExample) throws -> Void
    ) async throws -> Report {
        var report = Report()
        var decisions: [String: Decision] = [:]
        var order: [String] = []
        let decisionCount = try await readToEnd(kafka: kafka, topic: topics.decisions, logger: logger) { message in
            do throws(EventDecodingError) {
                let decision = try Decision(json: Array(message.value))
                if decisions.updateValue(decision, forKey: decision.draftId) == nil { order.append(decision.draftId) }
            } catch {
                report.undecodable += 1
            }
        }
        report.decisions = decisions.count
        progress("read \(decisionCount) decision events on \(topics.decisions): \(decisions.count) drafts decided")

        var drafts: [String: Draft] = [:]
        let draftCount = try await readToEnd(kafka: kafka, topic: topics.drafts, logger: logger) { message in
            do throws(EventDecodingError) {
                let draft = try Draft(json: Array(message.value))
                if decisions[draft.id] != nil { drafts[draft.id] = draft }
            } catch {
                report.undecodable += 1
            }
        }
        progress("read \(draftCount) drafts on \(topics.drafts): \(drafts.count) of them decided")

        let wanted = Set(drafts.values.map(\.mentionId))
        var texts: [String: String] = [:]
        let mentionCount = try await readToEnd(kafka: kafka, topic: topics.mentions, logger: logger) { message in
            do throws(EventDecodingError) {
                let mention = try Mention(json: Array(message.value))
                if wanted.contains(mention.id) { texts[mention.id] = mention.text }
            } catch {
                report.undecodable += 1
            }
        }
        progress("read \(mentionCount) mentions on \(topics.mentions): \(texts.count) of the decided drafts' texts")

        for draftId in order {
            guard let decision = decisions[draftId] else { continue }
            guard let draft = drafts[draftId] else {
                report.skipped["its draft is no longer on \(topics.drafts)", default: 0] += 1
                continue
            }
            let text = texts[draft.mentionId] ?? (draft.excerpt.hasSuffix("…") ? nil : draft.excerpt)
            guard let text, !text.isEmpty else {
                report.skipped["its mention's full text is no longer on \(topics.mentions)", default: 0] += 1
                continue
            }
            switch DecisionExample.label(decision: decision, draft: draft, mentionText: text, words: words) {
            case .success(let example):
                try write(example)
                report.examples[example.decision, default: 0] += 1
                if example.draftTone != nil { report.corrections += 1 }
            case .failure(let skipped):
                report.skipped[skipped.rawValue, default: 0] += 1
            }
        }
        return report
    }

    /// Reads every partition of `topic` from its start to where it ended when the read began; returns how
    /// many messages there were.
    static func readToEnd(
        kafka: KafkaConfiguration, topic: String, logger: Logger, _ body: (KafkaMessage) -> Void
    ) async throws -> Int {
        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(
                kafka: kafka, topics: [topic], groupID: "courtesy-decisions-export"),
            logger: logger)
        var remaining = reader.endOffsets.filter { $0.value > (reader.startOffsets[$0.key] ?? 0) }
        var count = 0
        do {
            if !remaining.isEmpty {
                for try await batch in reader.batches {
                    for message in batch.messages {
                        let key = KafkaTopicPartition(topic: message.topic, partition: message.partition)
                        guard let end = remaining[key], message.offset < end else { continue }
                        body(message)
                        count += 1
                        if message.offset + 1 >= end { remaining[key] = nil }
                    }
                    for (key, offset) in batch.reachedEnd where offset >= (remaining[key] ?? .max) {
                        remaining[key] = nil
                    }
                    if remaining.isEmpty { break }
                }
            }
        } catch {
            await reader.shutdown()
            throw error
        }
        await reader.shutdown()
        return count
    }
}
