#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value that threads take turns with, behind a pthread mutex: the lock every Courtesy module uses.
///
/// Not Synchronization's `Mutex`: on Linux its contended path waits and wakes in the kernel
/// (priority-inheriting futexes), out of ThreadSanitizer's sight, so the sanitizer reported every value
/// it protected as raced, which buried real reports. A pthread mutex is intercepted by the sanitizer
/// and costs about the same when uncontended.
package final class Locked<Value>: @unchecked Sendable {
    // Safe to share: `value` is read and written only inside `withLock`, with `mutex` held.
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init(_ initialValue: sending Value) {
        value = initialValue
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let created = pthread_mutex_init(mutex, nil)
        precondition(created == 0, "pthread_mutex_init failed: \(created)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock; keep it short and never suspend in it.
    package func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
