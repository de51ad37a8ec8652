/// Bytes that note every position read from them, to check which bytes a comparison looks at.
struct RecordedBytes: RandomAccessCollection {
    /// The positions read, in order, shared by every copy.
    final class Log {
        var reads: [Int] = []
    }

    let bytes: [UInt8]
    let log: Log

    var startIndex: Int { bytes.startIndex }
    var endIndex: Int { bytes.endIndex }

    subscript(position: Int) -> UInt8 {
        log.reads.append(position)
        return bytes[position]
    }
}
