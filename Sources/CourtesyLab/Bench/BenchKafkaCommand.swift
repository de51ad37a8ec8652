import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import CourtesyKafka
import Foundation
import Logging
import Synchronization

struct BenchKafkaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafka",
        abstract: "Produce and consume through the Kafka adapter and through a minimal C loop, and compare.",
        discussion: """
            Both sides use the same librdkafka settings and the same payloads (mention-like JSON text), spread \
            round-robin over the partitions. \
            Consumer rates are timed from the first message, so the group join is not counted. On the \
            embedded broker each partition keeps only 5 MiB (it silently drops the oldest batches), so \
            keep messages x size within what the topic's partitions hold after lz4 compression.
            """
    )

    @OptionGroup var kafka: KafkaOptions

    @Option(help: "Messages per run.")
    var messages = 400_000

    @Option(help: "Bytes per message.")
    var size = 300

    @Option(help: "Partitions of the benchmark topics (created on the embedded broker).")
    var partitions = 32

    @Option(help: "Runs of each side; the best of each is reported.")
    var rounds = 5

    @Option(help: "Measure only one side, for profiling: adapter or librdkafka.")
    var only: String?

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        guard messages > 0, size > 0, partitions > 0, rounds > 0 else {
            throw ValidationError("--messages, --size, --partitions and --rounds must be positive")
        }
        if let only, !["adapter", "librdkafka"].contains(only) {
            throw ValidationError("--only takes adapter or librdkafka, not \(only)")
        }
    }

    func run() async throws {
        #if DEBUG
            progress("warning: debug build; build with -c release for real figures")
        #endif
        var logger = LogSetup.logger("courtesy.bench")
        logger.logLevel = .warning
        let connection = try kafka.connect(clientID: "courtesy-bench")
        let payloads = BenchPayloads.make(size: size)
        let producerConfiguration = KafkaProducerConfiguration(kafka: connection.configuration)
        var best: [String: BenchFigures] = [:]
        let runID = UInt32.random(in: 0...UInt32.max)

        for round in 1...rounds {
            for side in ["librdkafka", "adapter"] where only == nil || only == side {
                let topic = "bench-\(runID)-\(side)-\(round)"
                try connection.embedded?.createTopic(topic, partitions: partitions)
                progress("round \(round)/\(rounds), \(side): producing \(messages) messages")
                let produced: KafkaBaseline.Measurement
                var cpuStart = ProcessCPUClock.now()
                if side == "adapter" {
                    produced = try await produceThroughAdapter(producerConfiguration, topic, payloads, logger)
                } else {
                    produced = try await KafkaBaseline.produce(
                        configuration: producerConfiguration,
                        topic: topic,
                        partitions: partitions,
                        payloads: payloads,
                        count: messages
                    )
                }
                let produceCPU = ProcessCPUClock.now() - cpuStart
                progress("round \(round)/\(rounds), \(side): consuming")
                let consumerConfiguration = KafkaConsumerConfiguration(
                    kafka: connection.configuration,
                    groupID: topic,
                    topics: [topic],
                    sessionTimeout: .seconds(6)
                )
                let consumed: KafkaBaseline.Measurement
                cpuStart = ProcessCPUClock.now()
                if side == "adapter" {
                    consumed = try await consumeThroughAdapter(consumerConfiguration, logger)
                } else {
                    consumed = try await KafkaBaseline.consume(
                        configuration: consumerConfiguration,
                        count: messages,
                        timeout: .seconds(120)
                    )
                }
                let consumeCPU = ProcessCPUClock.now() - cpuStart
                let figures = BenchFigures(
                    produce: Rate(produced, cpu: produceCPU),
                    consume: Rate(consumed, cpu: consumeCPU)
                )
                progress(
                    "round \(round)/\(rounds), \(side): produce \(figures.produce.messages) msg/s, "
                        + "consume \(figures.consume.messages) msg/s"
                )
                best[side] = best[side].map { $0.best(figures) } ?? figures
            }
        }
        guard let raw = best["librdkafka"], let adapter = best["adapter"] else {
            for (side, figures) in best {
                print("\(side): produce \(figures.produce.messages) msg/s, consume \(figures.consume.messages) msg/s")
            }
            return
        }
        report(raw: raw, adapter: adapter, where: connection.description)
    }

    private func produceThroughAdapter(
        _ configuration: KafkaProducerConfiguration,
        _ topic: String,
        _ payloads: [[UInt8]],
        _ logger: Logger
    ) async throws -> KafkaBaseline.Measurement {
        let delivered = Atomic<Int>(0)
        let failed = Atomic<Int>(0)
        let producer = try KafkaProducer(configuration: configuration, logger: logger) { reports in
            var failures = 0
            for report in reports where report.error != nil { failures += 1 }
            if failures > 0 { failed.add(failures, ordering: .relaxed) }
            delivered.add(reports.count, ordering: .relaxed)
        }
        var bytes = 0
        let started = ContinuousClock.now
        for index in 0..<messages {
            let payload = payloads[index % payloads.count]
            bytes += payload.count
            try await producer.send(
                KafkaProducerMessage(topic: topic, partition: Int32(index % partitions), value: payload),
                token: UInt64(index)
            )
        }
        while delivered.load(ordering: .relaxed) < messages {
            try await Task.sleep(for: .microseconds(200))
        }
        let duration = ContinuousClock.now - started
        await producer.shutdown()
        guard failed.load(ordering: .relaxed) == 0 else {
            throw KafkaError(kind: .broker, message: "\(failed.load(ordering: .relaxed)) messages were not delivered")
        }
        return KafkaBaseline.Measurement(messages: messages, bytes: bytes, duration: duration)
    }

    private func consumeThroughAdapter(
        _ configuration: KafkaConsumerConfiguration,
        _ logger: Logger
    ) async throws -> KafkaBaseline.Measurement {
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        var received = 0
        var bytes = 0
        var started: ContinuousClock.Instant?
        var batches = 0
        for try await batch in consumer.batches {
            if started == nil { started = .now }
            batches += 1
            received += batch.count
            for message in batch { bytes += message.value.count }
            consumer.acknowledge(batch)
            if received >= messages { break }
        }
        let duration = started.map { ContinuousClock.now - $0 } ?? .zero
        progress("adapter: \(batches) batches, \(received / max(batches, 1)) messages each on average")
        await consumer.shutdown()
        guard received == messages else {
            throw KafkaError(kind: .connection, message: "the adapter read \(received) of \(messages) messages")
        }
        return KafkaBaseline.Measurement(messages: received, bytes: bytes, duration: duration)
    }

    private func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func report(raw: BenchFigures, adapter: BenchFigures, where target: String) {
        let produceRatio = adapter.produce.messagesPerSecond / raw.produce.messagesPerSecond
        let consumeRatio = adapter.consume.messagesPerSecond / raw.consume.messagesPerSecond
        if json {
            let object: JSONTree = [
                "messages": .figure(messages), "size": .figure(size), "partitions": .figure(partitions),
                "rounds": .figure(rounds), "librdkafka": raw.tree, "adapter": adapter.tree,
                "adapterOverLibrdkafka": ["produce": .number(produceRatio), "consume": .number(consumeRatio)],
            ]
            print(object.line)
            return
        }
        print(
            "Kafka throughput: \(messages) messages of \(size) bytes, \(partitions) partitions, \(target), best of \(rounds)"
        )
        print(row("", "produce msg/s", "MB/s", "consume msg/s", "MB/s"))
        print(
            row(
                "librdkafka (C)", raw.produce.messages, raw.produce.megabytes, raw.consume.messages,
                raw.consume.megabytes))
        print(
            row(
                "adapter", adapter.produce.messages, adapter.produce.megabytes, adapter.consume.messages,
                adapter.consume.megabytes)
        )
        print(row("adapter / C", percent(produceRatio), "", percent(consumeRatio), ""))
        print(
            "CPU per message, whole process (both sides share the broker's cost): produce "
                + "\(raw.produce.cpuPerMessage) C / \(adapter.produce.cpuPerMessage) adapter, consume "
                + "\(raw.consume.cpuPerMessage) C / \(adapter.consume.cpuPerMessage) adapter"
        )
    }

    private func row(_ name: String, _ columns: String...) -> String {
        name.padding(toLength: 16, withPad: " ", startingAt: 0)
            + columns.map { String(repeating: " ", count: max(0, 14 - $0.count)) + $0 }.joined()
    }

    private func percent(_ ratio: Double) -> String { String(format: "%.0f%%", ratio * 100) }
}
