import Synchronization

/// The batches a ``KafkaTopicReader`` hands out, as an `AsyncSequence`.
///
/// Taking a batch makes room in the reader's buffer; while the buffer is full the reader stops fetching.
package struct KafkaReadBatches: AsyncSequence, Sendable {
    package typealias Element = KafkaReadBatch
    package typealias Failure = KafkaError

    /// Messages handed out by the poll thread and not yet taken by the application.
    final class Flow: Sendable {
        let outstanding = Atomic<Int>(0)
    }

    private let stream: AsyncThrowingStream<KafkaReadBatch, any Error>
    private let flow: Flow

    init(stream: AsyncThrowingStream<KafkaReadBatch, any Error>, flow: Flow) {
        self.stream = stream
        self.flow = flow
    }

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), flow: flow)
    }

    package struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<KafkaReadBatch, any Error>.AsyncIterator
        let flow: Flow

        package mutating func next() async throws(KafkaError) -> KafkaReadBatch? {
            try await next(isolation: nil)
        }

        package mutating func next(isolation actor: isolated (any Actor)?) async throws(KafkaError) -> KafkaReadBatch? {
            let batch: KafkaReadBatch?
            do {
                batch = try await base.next(isolation: actor)
            } catch let error as KafkaError {
                throw error
            } catch {
                throw KafkaError(kind: .fatal, message: "the reader stopped: \(error)")
            }
            guard let batch else { return nil }
            flow.outstanding.subtract(batch.messages.count, ordering: .relaxed)
            return batch
        }
    }
}
