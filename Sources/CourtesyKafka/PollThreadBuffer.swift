/// A buffer filled by librdkafka callbacks and drained by the same poll thread.
///
/// `@unchecked Sendable`: librdkafka runs the callbacks that append (delivery reports) only inside
/// `rd_kafka_poll`, on the thread that called it, and that same thread drains the buffer between polls, so
/// the buffer is confined to one thread and needs no lock on this per-message path.
final class PollThreadBuffer<Element>: @unchecked Sendable {
    // Confined to one thread (see above), so the per-access exclusivity check would buy nothing.
    @exclusivity(unchecked) private var elements: [Element] = []

    func append(_ element: Element) {
        elements.append(element)
    }

    /// Takes everything buffered so far.
    func drain() -> [Element] {
        guard !elements.isEmpty else { return [] }
        defer { elements.removeAll(keepingCapacity: true) }
        return elements
    }
}
