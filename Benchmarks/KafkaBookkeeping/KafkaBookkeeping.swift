import Benchmark
import CourtesyKafka

/// What the adapter does per message on the application's side of the poll thread, over one batch of 1,000
/// messages from 4 partitions: hand-out and acknowledgement in the offset ledger, and delivery tokens there
/// and back. One iteration is one batch, so its allocation count is exact; Benchmarks/Thresholds holds it.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.mallocCountTotal, .wallClock],
        warmupIterations: 2,
        maxDuration: .seconds(1),
        maxIterations: 500,
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 1.0], absolute: [.p90: 4])]
    )

    let partitions = (0..<4).map { KafkaTopicPartition(topic: "mentions", partition: Int32($0)) }
    let batchSize = 1_000

    // The ledger's work per batch: acknowledgements in the order handed out, and in the worst order, reversed,
    // where no run of them completes until the last.
    for (name, reversed) in [
        ("hand-out-and-acknowledge-a-batch-in-order", false),
        ("hand-out-a-batch-and-acknowledge-it-in-reverse", true),
    ] {
        Benchmark(name) { benchmark in
            let ledger = OffsetLedger()
            ledger.assign(partitions)
            var next: Int64 = 0
            for _ in benchmark.scaledIterations {
                let batch = messages(from: next, count: batchSize, partitions: partitions.count)
                let positions = reversed ? batch.reversed().map(\.position) : batch.map(\.position)
                next += Int64(batchSize)
                benchmark.startMeasurement()
                ledger.handOut(batch)
                ledger.acknowledge(positions) { blackHole($0) }
                benchmark.stopMeasurement()
            }
        }
    }

    Benchmark("delivery-tokens-of-a-batch-and-their-positions") { benchmark in
        let slots = InputTokenSlots()
        let batch = messages(from: 0, count: batchSize, partitions: partitions.count)
        for _ in benchmark.scaledIterations {
            let tokens = slots.tokens(for: batch).compactMap { $0?.secondOutput.input }
            blackHole(slots.positions(of: tokens))
        }
    }
}

/// `count` messages in runs of 50 per partition, as a fetch of several partitions returns them.
private func messages(from first: Int64, count: Int, partitions: Int) -> [KafkaMessage] {
    (0..<count).map { index in
        let partition = (index / 50) % partitions
        return KafkaMessage(
            topic: "mentions", partition: Int32(partition), offset: first + Int64(index), key: nil, value: [])
    }
}
