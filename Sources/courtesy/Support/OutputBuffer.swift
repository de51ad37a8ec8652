#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects output bytes and writes them to a file descriptor in large blocks.
struct OutputBuffer {
    /// A write to the file descriptor failed.
    struct WriteError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    /// The bytes not yet written; append to it, then call ``flushIfFull()``.
    var bytes: [UInt8]
    private let fileDescriptor: Int32
    private let blockSize: Int

    /// A buffer for `fileDescriptor` that writes once it holds `blockSize` bytes.
    init(fileDescriptor: Int32, blockSize: Int = 1 << 18) {
        self.fileDescriptor = fileDescriptor
        self.blockSize = blockSize
        bytes = []
        bytes.reserveCapacity(blockSize + (1 << 16))
    }

    /// Writes the buffer out when it holds a block or more.
    mutating func flushIfFull() throws {
        if bytes.count >= blockSize { try flush() }
    }

    /// Writes out everything buffered.
    mutating func flush() throws {
        let fileDescriptor = self.fileDescriptor
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(fileDescriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(code: errno)
                }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
