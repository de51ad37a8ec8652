/// Maps a batch in contiguous chunks on several tasks, and gives the results back in the batch's order.
///
/// For pure CPU work on a batch read from Kafka (drafting mentions, decoding drafts): one task alone
/// leaves the other cores idle while the broker waits. A batch too small to be worth splitting is mapped
/// on the calling task.
enum ConcurrentChunks {
    /// - Parameters:
    ///   - concurrency: the most tasks at once; the calling task maps the last chunk itself.
    ///   - minimumChunk: the fewest items worth a task of their own.
    ///   - transform: maps one contiguous chunk; called once per chunk.
    static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], concurrency: Int, minimumChunk: Int,
        _ transform: @escaping @Sendable (ArraySlice<Item>) -> [Result]
    ) async -> [Result] {
        let tasks = min(max(1, concurrency), items.count / max(1, minimumChunk))
        guard tasks > 1 else { return transform(items[...]) }
        let chunkSize = (items.count + tasks - 1) / tasks
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { start in
            items[start..<min(start + chunkSize, items.count)]
        }
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for (index, chunk) in chunks.enumerated().dropLast() {
                group.addTask { (index, transform(chunk)) }
            }
            var results = [[Result]](repeating: [], count: chunks.count)
            results[chunks.count - 1] = transform(chunks[chunks.count - 1])
            for await (index, chunkResults) in group {
                results[index] = chunkResults
            }
            return results.flatMap { $0 }
        }
    }
}
