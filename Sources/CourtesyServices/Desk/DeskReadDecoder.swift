import CourtesyCore
import CourtesyKafka
import Foundation

/// Decodes what the desk reads from its topics, off the ``DeskState`` actor and on every core.
///
/// Rebuilding the queue from a million drafts is mostly decoding them; done inside the actor, it ran on
/// one core and kept API requests waiting behind it. The actor now only applies decoded events.
struct DeskReadDecoder: Sendable {
    /// One message read, decoded.
    struct Message: Sendable {
        let partition: KafkaTopicPartition
        let offset: Int64
        let event: Event
    }

    /// What a message held.
    enum Event: Sendable {
        case draft(Draft)
        case decision(Decision)
        /// A reply on the replies topic; the desk needs only its id.
        case reply(id: String)
        /// What the publisher recorded of a reply.
        case publication(Publication)
        /// A message of a topic the desk does not read events from.
        case ignored
        /// A decision that cannot be read, keyed by the draft it closes (see ``UnreadableDecision``).
        case unreadableDecision(UnreadableDecision)
        case undecodable(EventDecodingError)
    }

    let draftsTopic: String
    let decisionsTopic: String
    let repliesTopic: String
    let publicationsTopic: String
    /// The most tasks decoding one batch at once.
    let concurrency: Int

    init(configuration: DeskServiceConfiguration, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        draftsTopic = configuration.draftsTopic
        decisionsTopic = configuration.decisionsTopic
        repliesTopic = configuration.repliesTopic
        publicationsTopic = configuration.publicationsTopic
        self.concurrency = concurrency
    }

    /// The messages of `batch`, decoded, in the batch's order.
    func decode(_ batch: KafkaReadBatch) async -> [Message] {
        await ConcurrentChunks.map(batch.messages, concurrency: concurrency, minimumChunk: 256) { chunk in
            chunk.map(decode)
        }
    }

    func decode(_ message: KafkaMessage) -> Message {
        let event = message.value.withUnsafeBytes { buffer -> Event in
            do throws(EventDecodingError) {
                switch message.topic {
                case draftsTopic: return .draft(try Draft(json: buffer))
                case decisionsTopic: return .decision(try Decision(json: buffer))
                case repliesTopic: return .reply(id: try Reply(json: buffer).id)
                case publicationsTopic: return .publication(try Publication(json: buffer))
                default: return .ignored
                }
            } catch {
                if message.topic == decisionsTopic, let draftId = Self.draftId(keying: message) {
                    let location = "\(message.topic)[\(message.partition)]@\(message.offset)"
                    return .unreadableDecision(UnreadableDecision(draftId: draftId, error: error, location: location))
                }
                return .undecodable(error)
            }
        }
        return Message(
            partition: KafkaTopicPartition(topic: message.topic, partition: message.partition), offset: message.offset,
            event: event)
    }

    /// The draft id a decision's key names, if the key is one: the desk keys each decision by the
    /// draft it decides.
    static func draftId(keying message: KafkaMessage) -> String? {
        guard let key = message.key, Draft.isIdentifier(key) else { return nil }
        return String(decoding: key, as: UTF8.self)
    }
}
