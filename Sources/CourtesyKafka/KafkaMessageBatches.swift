/// The batches of messages a ``KafkaConsumer`` hands out, as an `AsyncSequence`.
///
/// Taking a batch makes room in the consumer's buffer; when the buffer is full the consumer pauses fetching.
/// The sequence ends when the consumer shuts down, and throws if the client hits a fatal error.
package struct KafkaMessageBatches: AsyncSequence, Sendable {
    package typealias Element = [KafkaMessage]
    package typealias Failure = KafkaError

    private let stream: AsyncThrowingStream<FetchedBatch, any Error>
    private let group: ConsumerGroupState

    init(stream: AsyncThrowingStream<FetchedBatch, any Error>, group: ConsumerGroupState) {
        self.stream = stream
        self.group = group
    }

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator(), group: group)
    }

    package struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<FetchedBatch, any Error>.AsyncIterator
        let group: ConsumerGroupState

        package mutating func next() async throws(KafkaError) -> [KafkaMessage]? {
            try await next(isolation: nil)
        }

        package mutating func next(isolation actor: isolated (any Actor)?) async throws(KafkaError) -> [KafkaMessage]? {
            while true {
                let fetched: FetchedBatch?
                do {
                    fetched = try await base.next(isolation: actor)
                } catch let error as KafkaError {
                    throw error
                } catch {
                    throw KafkaError(kind: .fatal, message: "the consumer stopped: \(error)")
                }
                guard let fetched else { return nil }
                group.taken(fetched.messages.count)
                // Fetched before its partition was revoked (a lost session, or a revoke that could not wait for
                // the application): whoever owns the partition now reads these messages again from its position.
                let batch = group.ledger.current(fetched.messages, fetchedUnder: fetched.assignment)
                if !batch.isEmpty { return batch }
            }
        }
    }
}

/// Messages the poll thread fetched, with the assignment they were fetched under.
struct FetchedBatch: Sendable {
    let messages: [KafkaMessage]
    let assignment: OffsetLedger.Assignment
}
