import CourtesyKafka
import CourtesyLocking

/// The replies of each conversation waiting to be posted, in the order they were read: one task posts a
/// conversation's replies one after another, so they reach the platform in order, while other
/// conversations go on. A conversation whose post is being retried holds up only itself.
final class ConversationLanes: Sendable {
    /// A conversation is in the table while a task is posting its replies (its list may then be empty).
    private let lanes = Locked<[String: [KafkaMessage]]>([:])

    /// Adds `message` to its conversation's lane; returns `true` when no task was posting the
    /// conversation, so the caller must start one.
    func add(_ message: KafkaMessage, conversation: String) -> Bool {
        lanes.withLock { lanes in
            if lanes[conversation] != nil {
                lanes[conversation]!.append(message)
                return false
            }
            lanes[conversation] = [message]
            return true
        }
    }

    /// The conversation's next reply, or `nil` when there is none: the lane is then closed, and the next
    /// ``add(_:conversation:)`` asks for a new task.
    func next(of conversation: String) -> KafkaMessage? {
        lanes.withLock { lanes in
            guard var waiting = lanes[conversation], !waiting.isEmpty else {
                lanes[conversation] = nil
                return nil
            }
            let message = waiting.removeFirst()
            lanes[conversation] = waiting
            return message
        }
    }

    /// How many conversations have replies being posted or waiting.
    var count: Int { lanes.withLock { $0.count } }
}
