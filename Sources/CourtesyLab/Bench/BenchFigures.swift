import CourtesyCore

/// The produce and consume rates of one side.
struct BenchFigures {
    let produce: Rate
    let consume: Rate

    func best(_ other: BenchFigures) -> BenchFigures {
        BenchFigures(
            produce: produce.messagesPerSecond >= other.produce.messagesPerSecond ? produce : other.produce,
            consume: consume.messagesPerSecond >= other.consume.messagesPerSecond ? consume : other.consume
        )
    }

    var tree: JSONTree {
        [
            "produceMessagesPerSecond": .figure(produce.messagesPerSecond.rounded()),
            "produceMegabytesPerSecond": .number(produce.bytesPerSecond / 1_000_000),
            "consumeMessagesPerSecond": .figure(consume.messagesPerSecond.rounded()),
            "consumeMegabytesPerSecond": .number(consume.bytesPerSecond / 1_000_000),
            "produceCPUSecondsPerMessage": .number(produce.cpuSecondsPerMessage),
            "consumeCPUSecondsPerMessage": .number(consume.cpuSecondsPerMessage),
        ]
    }
}
