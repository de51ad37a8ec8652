#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads newline-separated lines from a file descriptor in large blocks, without copying each line.
///
/// Memory stays bounded whatever the input: a line longer than `maxLineBytes` is not kept, only
/// counted, and reported as ``Line/tooLong(size:)``. A `\r` before the `\n` stays in the line (JSON
/// treats it as whitespace). The last line needs no newline.
struct LineReader {
    /// One line of input.
    enum Line {
        /// The bytes of the line, without its newline; valid only during the callback.
        case bytes(UnsafeRawBufferPointer)
        /// A line over the limit, of `size` bytes, that was skipped.
        case tooLong(size: Int)
    }

    /// A read from the file descriptor failed.
    struct ReadError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    private let fileDescriptor: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8]

    /// A reader of `fileDescriptor` that keeps lines up to `maxLineBytes` bytes.
    init(fileDescriptor: Int32, maxLineBytes: Int, blockSize: Int = 1 << 20) {
        self.fileDescriptor = fileDescriptor
        self.maxLineBytes = maxLineBytes
        buffer = [UInt8](repeating: 0, count: max(blockSize, maxLineBytes + 1) * 2)
    }

    /// Calls `body` with each line and its number (from 1), in order, until the input ends.
    mutating func forEachLine(_ body: (Int, Line) throws -> Void) throws {
        let fileDescriptor = self.fileDescriptor
        let maxLineBytes = self.maxLineBytes
        try buffer.withUnsafeMutableBytes { storage in
            guard let base = storage.baseAddress else { return }
            let capacity = storage.count
            var start = 0  // first byte of the current line
            var end = 0  // end of the bytes read so far
            var scanned = 0  // bytes of the current line already searched for a newline
            var skipping = false  // inside a line that is too long
            var skipped = 0
            var lineNumber = 1
            var atEnd = false
            while true {
                // Every complete line in the buffer.
                while start + scanned < end {
                    let from = base + start + scanned
                    guard let newline = memchr(from, 0x0A, end - start - scanned) else {
                        scanned = end - start
                        break
                    }
                    let stop = newline - base
                    if skipping {
                        try body(lineNumber, .tooLong(size: skipped + stop - start))
                        skipping = false
                        skipped = 0
                    } else if stop - start > maxLineBytes {
                        try body(lineNumber, .tooLong(size: stop - start))
                    } else {
                        try body(lineNumber, .bytes(UnsafeRawBufferPointer(start: base + start, count: stop - start)))
                    }
                    lineNumber += 1
                    start = stop + 1
                    scanned = 0
                }
                if atEnd {
                    if skipping {
                        try body(lineNumber, .tooLong(size: skipped + end - start))
                    } else if start < end {
                        if end - start > maxLineBytes {
                            try body(lineNumber, .tooLong(size: end - start))
                        } else {
                            try body(
                                lineNumber, .bytes(UnsafeRawBufferPointer(start: base + start, count: end - start)))
                        }
                    }
                    return
                }
                // A partial line: drop it if it is already too long, else move it to the front.
                if skipping || end - start > maxLineBytes {
                    skipped += end - start
                    skipping = true
                    start = 0
                    end = 0
                    scanned = 0
                } else if start > 0 {
                    memmove(base, base + start, end - start)
                    end -= start
                    start = 0
                }
                let count = read(fileDescriptor, base + end, capacity - end)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ReadError(code: errno)
                }
                if count == 0 {
                    atEnd = true
                } else {
                    end += count
                }
            }
        }
    }
}
