import Foundation

/// Collects a pipe's lines as a child process writes them.
package final class LineCollector: @unchecked Sendable {
    // Guarded by `lock`; appended to from the pipe's reading thread.
    private var lines: [String] = []
    private var partial = ""
    private let lock = NSLock()

    /// Starts reading `handle` on Foundation's reading thread until it ends.
    package init(_ handle: FileHandle) {
        handle.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else {
                handle.readabilityHandler = nil
                return
            }
            self.lock.withLock {
                self.partial += String(decoding: data, as: UTF8.self)
                while let newline = self.partial.firstIndex(of: "\n") {
                    self.lines.append(String(self.partial[..<newline]))
                    self.partial = String(self.partial[self.partial.index(after: newline)...])
                }
            }
        }
    }

    /// The first whole line that meets `predicate`.
    package func first(where predicate: (String) -> Bool) -> String? {
        lock.withLock { lines.first(where: predicate) }
    }
}
