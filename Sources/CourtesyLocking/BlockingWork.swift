import Foundation

/// Work that blocks a thread (a librdkafka call waiting on the network, a poll loop, a person typing, a
/// child process to exit) runs on a thread of its own, never on Swift's cooperative pool, whose few
/// threads the whole process shares. This is the one way Courtesy does it.
package enum BlockingWork {
    /// Runs `body` on a new thread and suspends, without blocking, until it returns.
    package static func run<Value: Sendable, Failure: Error>(
        _ name: String, _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            start(name) { continuation.resume(returning: Result { () throws(Failure) in try body() }) }
        }
        return try result.get()
    }

    /// Starts `body` on a new thread named `name`, for a loop that runs as long as its owner.
    package static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }
}
