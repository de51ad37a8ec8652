import Synchronization

/// The batches a ``KafkaTopicReader`` hands out, as an `AsyncSequence`.
///
/// Taking a batch makes room in the reader's buffer; while the buffer is full the reader stops fetching.
public struct KafkaReadBatches: AsyncSequence, Sendable {
    public typealias Element = KafkaReadBatch
    public typealias Failure = KafkaError

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

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), flow: flow)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<KafkaReadBatch, any Error>.AsyncIterator
        let flow: Flow

        public mutating func next() async throws(KafkaError) -> KafkaReadBatch? {
            try await next(isolation: nil)
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(KafkaError) -> KafkaReadBatch? {
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
