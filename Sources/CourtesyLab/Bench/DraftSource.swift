import CourtesyBenchCorpus
import CourtesyCore
import CourtesyKafka
import Foundation

/// Drafts for `bench desk`: real responder drafts of generated mentions, as many as asked.
///
/// A pool of mentions is drafted again and again with new mention ids and author ids, so each draft
/// is distinct and conversations keep the size they have in the sample stream.
struct DraftSource {
    private let mentions: [Mention]
    private let responder: Responder
    private let now = Timestamp.now()

    init(pool: Int = 10_000) throws {
        var samples = try SampleMentions(seed: 7, start: Timestamp.now().adding(seconds: -3_600))
        samples.meanSecondsBetweenMentions = 0.3
        mentions = (0..<pool).map { _ in samples.nextMention() }
        responder = Responder(
            classifier: try Classifier.shipped(), names: try NameExtractor(),
            roster: try CoreBenchCorpus.roster(count: 20), templates: try TemplateLibrary.bundled())
    }

    /// Drafts number `first` to `first + count - 1`, sent to `topic` keyed by conversation.
    func write(_ count: Int, startingAt first: Int, to topic: String, _ producer: KafkaProducer) async throws {
        for index in first..<(first + count) {
            var mention = mentions[index % mentions.count]
            let cycle = index / mentions.count
            mention.id += "-\(cycle)"
            mention.author.id += "-\(cycle)"
            let draft = try responder.draft(for: mention, at: now)
            try await producer.send(
                KafkaProducerMessage(topic: topic, key: Array(draft.conversation.utf8), value: draft.jsonBytes()))
        }
    }
}
