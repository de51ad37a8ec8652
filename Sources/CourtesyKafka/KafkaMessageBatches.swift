/// The batches of messages a ``KafkaConsumer`` hands out, as an `AsyncSequence`.
///
/// Taking a batch makes room in the consumer's buffer; when the buffer is full the consumer pauses fetching.
/// The sequence ends when the consumer shuts down, and throws if the client hits a fatal error.
public struct KafkaMessageBatches: AsyncSequence, Sendable {
    public typealias Element = [KafkaMessage]
    public typealias Failure = KafkaError

    private let stream: AsyncThrowingStream<[KafkaMessage], any Error>
    private let group: ConsumerGroupState

    init(stream: AsyncThrowingStream<[KafkaMessage], any Error>, group: ConsumerGroupState) {
        self.stream = stream
        self.group = group
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), group: group)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<[KafkaMessage], any Error>.AsyncIterator
        let group: ConsumerGroupState

        public mutating func next() async throws(KafkaError) -> [KafkaMessage]? {
            try await next(isolation: nil)
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(KafkaError) -> [KafkaMessage]? {
            let batch: [KafkaMessage]?
            do {
                batch = try await base.next(isolation: actor)
            } catch let error as KafkaError {
                throw error
            } catch {
                throw KafkaError(kind: .fatal, message: "the consumer stopped: \(error)")
            }
            guard let batch else { return nil }
            group.buffered.subtract(batch.count, ordering: .relaxed)
            return batch
        }
    }
}
