import CourtesyKafka
import Testing

@testable import CourtesyServices

@Suite("A mention is acknowledged once its draft and its state write both are", .timeLimit(.minutes(1)))
struct OutputAcknowledgementsTests {
    /// A token as a consumer would hand it out: its slot, then the offset.
    private func token(_ slot: UInt64, _ offset: UInt64) throws -> KafkaInputToken {
        try #require(KafkaInputToken(rawValue: slot << 48 | offset))
    }

    @Test("the two halves pair in either order, across delivery batches; a dead letter needs no state write")
    func pairing() throws {
        let acknowledgements = OutputAcknowledgements()
        let first = try token(0, 10)
        let second = try token(3, 11)
        let letter = try token(1, 12)
        for _ in 0..<3 { acknowledgements.stateWriteSending() }
        // One delivery batch: the first mention's draft, the second's state write, a dead letter.
        var complete = acknowledgements.complete(
            [(first, true), (second.secondOutput, true), (letter, true)]
        ) { $0 == letter }
        #expect(complete == [letter])
        #expect(acknowledgements.halfAcknowledged == 2)
        // The other halves, the other way round, in the next batch.
        complete = acknowledgements.complete([(second, true), (first.secondOutput, true)]) { _ in false }
        #expect(complete == [second, first])
        #expect(acknowledgements.halfAcknowledged == 0)
        #expect(acknowledgements.stateWritesInFlight == 1)
    }

    @Test("the same output acknowledged twice does not stand in for the other; a failed one acknowledges nothing")
    func duplicatesAndFailures() throws {
        let acknowledgements = OutputAcknowledgements()
        let mention = try token(2, 7)
        acknowledgements.stateWriteSending()
        #expect(acknowledgements.complete([(mention, true), (mention, true)]) { _ in false }.isEmpty)
        #expect(acknowledgements.complete([(mention.secondOutput, false)]) { _ in false }.isEmpty)
        #expect(acknowledgements.halfAcknowledged == 1)
        #expect(acknowledgements.stateWritesInFlight == 0, "a failed state write is settled too")
    }

    @Test("without a memory every draft is its mention's only output")
    func withoutMemory() throws {
        let acknowledgements = OutputAcknowledgements()
        let tokens = try (0..<5).map { try token(0, UInt64($0)) }
        #expect(acknowledgements.complete(tokens.map { ($0, true) }) { _ in true } == tokens)
        #expect(acknowledgements.halfAcknowledged == 0)
    }

    @Test("waiting for the state writes in flight returns once the last report arrives")
    func settled() async throws {
        let acknowledgements = OutputAcknowledgements()
        await acknowledgements.stateWritesSettled()
        acknowledgements.stateWriteSending()
        acknowledgements.stateWriteSending()
        let mention = try token(0, 1)
        let waiting = Task { await acknowledgements.stateWritesSettled() }
        _ = acknowledgements.complete([(mention.secondOutput, true)]) { _ in false }
        acknowledgements.stateWriteNotSent()
        await waiting.value
        #expect(acknowledgements.stateWritesInFlight == 0)
    }
}
