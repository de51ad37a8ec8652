import CourtesyCore

/// Mention-like JSON payloads of a fixed size, varied enough that compression sees realistic text.
enum BenchPayloads {
    private static let words = [
        "flight", "delayed", "again", "thanks", "crew", "bag", "lost", "refund", "order", "arrived", "late",
        "great", "service", "waiting", "hours", "phone", "support", "still", "no", "reply", "love", "the",
        "new", "app", "my", "package", "where", "is", "cancelled", "help", "please", "today", "seat", "gate",
    ]

    static func make(size: Int, count: Int = 1024) -> [[UInt8]] {
        var generator = SampleRandom(seed: 42)
        return (0..<count).map { index in
            var text = ""
            while text.utf8.count < size {
                text += words[Int(generator.next() % UInt64(words.count))] + " "
            }
            let header = #"{"schema":"courtesy.mention/v1","id":"x:\#(index)","text":""#
            var bytes = Array((header + text).utf8.prefix(max(0, size - 2)))
            bytes += Array(#""}"#.utf8)
            return Array(bytes.prefix(size))
        }
    }
}
