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

    var dictionary: [String: Any] {
        [
            "produceMessagesPerSecond": produce.messagesPerSecond.rounded(),
            "produceMegabytesPerSecond": produce.bytesPerSecond / 1_000_000,
            "consumeMessagesPerSecond": consume.messagesPerSecond.rounded(),
            "consumeMegabytesPerSecond": consume.bytesPerSecond / 1_000_000,
            "produceCPUSecondsPerMessage": produce.cpuSecondsPerMessage,
            "consumeCPUSecondsPerMessage": consume.cpuSecondsPerMessage,
        ]
    }
}
